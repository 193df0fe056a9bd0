/* array initializer lists, size from initializer, partial init */
#include <stdio.h>

int main(void) {
    int a[5] = { 1, 2, 3, 4, 5 };
    int b[] = { 10, 20, 30 };
    int c[6] = { 7, 8 };
    double d[3] = { 1.5, -2 };
    int i;
    printf("%zu %zu\n", sizeof b / sizeof b[0], sizeof c / sizeof c[0]);
    for (i = 0; i < 5; i++) printf("%d ", a[i]);
    for (i = 0; i < 3; i++) printf("%d ", b[i]);
    for (i = 0; i < 6; i++) printf("%d ", c[i]);
    for (i = 0; i < 3; i++) printf("%.1f ", d[i]);
    printf("\n");
    return 0;
}
