/* variadic function summing ints */
#include <stdio.h>
#include <stdarg.h>

static int sum(int count, ...) {
    va_list ap;
    int s = 0, i;
    va_start(ap, count);
    for (i = 0; i < count; i++) s += va_arg(ap, int);
    va_end(ap);
    return s;
}

static int sum_until_zero(int first, ...) {
    va_list ap;
    int s = first, v;
    va_start(ap, first);
    while ((v = va_arg(ap, int)) != 0) s += v;
    va_end(ap);
    return s;
}

int main(void) {
    printf("%d\n", sum(0));
    printf("%d\n", sum(3, 1, 2, 3));
    printf("%d\n", sum(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    printf("%d\n", sum_until_zero(5, 6, 7, -1, 0));
    return 0;
}
