/* invalid: a va_list passed where a string is wanted */
#include <stdarg.h>
#include <stdio.h>

static void say(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    printf(ap); // ERROR
    va_end(ap);
}

int main(void) {
    say("%d\n", 1);
    return 0;
}
