/* restrict-qualified pointer parameters */
#include <stdio.h>

static void add_arrays(int n, int *restrict out, const int *restrict a, const int *restrict b) {
    int i;
    for (i = 0; i < n; i++) out[i] = a[i] + b[i];
}

int main(void) {
    int a[4] = { 1, 2, 3, 4 }, b[4] = { 10, 20, 30, 40 }, c[4];
    add_arrays(4, c, a, b);
    printf("%d %d %d %d\n", c[0], c[1], c[2], c[3]);
    int *restrict p = c;
    printf("%d\n", p[3]);
    return 0;
}
