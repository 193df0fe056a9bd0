/* automatic initializers may use runtime values and are redone each entry */
#include <stdio.h>

static int f(int n) {
    int a[3] = { n, n * 2, n * 3 };
    struct { int x, y; } p = { a[2], n - 1 };
    int total = a[0] + a[1] + a[2] + p.x + p.y;
    return total;
}

int main(void) {
    int i;
    for (i = 1; i <= 3; i++) {
        int count = 0;
        count += i;
        printf("%d %d\n", count, f(i));
    }
    return 0;
}
