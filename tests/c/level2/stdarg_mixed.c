/* variadic function with a format string of mixed types */
#include <stdio.h>
#include <stdarg.h>

static void show(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        switch (*fmt) {
        case 'i': printf("int=%d ", va_arg(ap, int)); break;
        case 'l': printf("long=%ld ", va_arg(ap, long)); break;
        case 'd': printf("dbl=%.3f ", va_arg(ap, double)); break;
        case 's': printf("str=%s ", va_arg(ap, char *)); break;
        case 'c': printf("chr=%c ", va_arg(ap, int)); break;
        case 'u': printf("ull=%llu ", va_arg(ap, unsigned long long)); break;
        }
    }
    va_end(ap);
    printf("\n");
}

int main(void) {
    show("idsc", 42, 2.5, "hey", 'z');
    show("dididididi", 1.0, 1, 2.0, 2, 3.0, 3, 4.0, 4, 5.0, 5);
    show("lus", -123456789012L, 18446744073709551615ULL, "end");
    show("ddddddddddi", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 77);
    return 0;
}
