/* va_copy lets the argument list be traversed twice */
#include <stdio.h>
#include <stdarg.h>

static void stats(int n, ...) {
    va_list ap, ap2;
    int i, max, sum = 0;
    va_start(ap, n);
    va_copy(ap2, ap);
    for (i = 0; i < n; i++) sum += va_arg(ap, int);
    va_end(ap);
    max = va_arg(ap2, int);
    for (i = 1; i < n; i++) { int v = va_arg(ap2, int); if (v > max) max = v; }
    va_end(ap2);
    printf("sum=%d max=%d\n", sum, max);
}

int main(void) {
    stats(4, 3, 9, -2, 5);
    stats(1, 7);
    stats(8, 1, 2, 3, 4, 50, 6, 7, 8);
    return 0;
}
