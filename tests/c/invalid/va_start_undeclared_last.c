/* invalid: va_start names an undeclared parameter */
#include <stdarg.h>

static int first(int n, ...) {
    va_list ap;
    int v;
    va_start(ap, count); // ERROR
    v = n ? va_arg(ap, int) : 0;
    va_end(ap);
    return v;
}

int main(void) { return first(1, 0); }
