/* designated array initializers [i] = x */
#include <stdio.h>

int main(void) {
    int a[8] = { [3] = 30, [1] = 10, [6] = 60 };
    int b[] = { [4] = 4, 5, 6 };
    int c[5] = { 1, 2, [0] = 100 };
    const char *names[] = { [2] = "two", [0] = "zero" };
    int i;
    for (i = 0; i < 8; i++) printf("%d ", a[i]);
    printf("\n%zu: ", sizeof b / sizeof b[0]);
    for (i = 0; i < 7; i++) printf("%d ", b[i]);
    printf("\n");
    for (i = 0; i < 5; i++) printf("%d ", c[i]);
    printf("\n%s %d %s\n", names[0], names[1] == NULL, names[2]);
    return 0;
}
