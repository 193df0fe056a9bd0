/* invalid: va_end of something that is not a va_list */
#include <stdarg.h>

static int first(int n, ...) {
    va_list ap;
    int v;
    va_start(ap, n);
    v = va_arg(ap, int);
    va_end(n); // ERROR
    return v;
}

int main(void) { return first(1, 0); }
