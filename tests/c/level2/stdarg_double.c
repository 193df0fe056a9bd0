/* variadic function with double arguments */
#include <stdio.h>
#include <stdarg.h>

static double avg(int n, ...) {
    va_list ap;
    double s = 0;
    int i;
    va_start(ap, n);
    for (i = 0; i < n; i++) s += va_arg(ap, double);
    va_end(ap);
    return n ? s / n : 0;
}

int main(void) {
    printf("%.4f\n", avg(3, 1.0, 2.0, 4.0));
    printf("%.4f\n", avg(12, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.5));
    printf("%.4f\n", avg(1, -3.5));
    return 0;
}
