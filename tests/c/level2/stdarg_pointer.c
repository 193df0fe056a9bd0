/* variadic function with pointer arguments */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static void join(char *out, const char *sep, ...) {
    va_list ap;
    const char *s;
    int first = 1;
    out[0] = 0;
    va_start(ap, sep);
    while ((s = va_arg(ap, const char *)) != NULL) {
        if (!first) strcat(out, sep);
        strcat(out, s);
        first = 0;
    }
    va_end(ap);
}

static void set_all(int n, ...) {
    va_list ap;
    va_start(ap, n);
    while (n--) *va_arg(ap, int *) = n;
    va_end(ap);
}

int main(void) {
    char buf[100];
    int a = -1, b = -1, c = -1;
    join(buf, ", ", "one", "two", "three", (char *)NULL);
    printf("%s\n", buf);
    set_all(3, &a, &b, &c);
    printf("%d %d %d\n", a, b, c);
    return 0;
}
