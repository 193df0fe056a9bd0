/* scanf %c reads whitespace too, " %c" skips it */
#include <stdio.h>

int main(void) {
    char a, b, c, d;
    int n = scanf("%c%c", &a, &b);
    printf("%d [%c][%c]\n", n, a, b);
    n = scanf("%c", &c);
    printf("%d %d\n", n, c);
    n = scanf(" %c", &d);
    printf("%d [%c]\n", n, d);
    int x;
    n = scanf("%d%c", &x, &c);
    printf("%d %d %d\n", n, x, c);
    return 0;
}
