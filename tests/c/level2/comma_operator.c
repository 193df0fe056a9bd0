/* the comma operator evaluates left to right */
#include <stdio.h>

int main(void) {
    int a, b, i, j;
    a = (b = 3, b * 2);
    printf("%d %d\n", a, b);
    for (i = 0, j = 10; i < j; i += 3, j -= 2) printf("%d,%d ", i, j);
    printf("\n");
    int x = (printf("side "), 5);
    printf("%d\n", x);
    return 0;
}
