/* invalid: a va_list object is assigned (it is an array: va_copy copies one) */
#include <stdarg.h>

static int first(int n, ...) {
    va_list ap, copy;
    int v;
    va_start(ap, n);
    copy = ap; // ERROR
    v = va_arg(copy, int);
    va_end(ap);
    return v;
}

int main(void) { return first(1, 0); }
