/* float arguments to variadic functions are promoted to double */
#include <stdio.h>
#include <stdarg.h>

static double sum(int n, ...) {
    va_list ap;
    double s = 0;
    va_start(ap, n);
    while (n--) s += va_arg(ap, double);
    va_end(ap);
    return s;
}

int main(void) {
    float a = 1.5f, b = 2.25f;
    printf("%f %f %.2f\n", a, b, sum(3, a, b, 0.25f));
    char c = 'A';
    short s = 300;
    printf("%d %d\n", c, s);
    return 0;
}
