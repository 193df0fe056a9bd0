/* scanf %d reading several integers from stdin */
#include <stdio.h>

int main(void) {
    int a, b, c, n;
    n = scanf("%d %d %d", &a, &b, &c);
    printf("%d: %d %d %d\n", n, a, b, c);
    printf("%d\n", a + b + c);
    n = scanf("%d", &a);
    printf("%d %d\n", n, a);
    n = scanf("%d", &a);
    printf("%d\n", n);
    return 0;
}
