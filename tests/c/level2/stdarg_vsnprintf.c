/* forwarding a va_list to vsnprintf and vprintf */
#include <stdio.h>
#include <stdarg.h>

static int fmt(char *buf, size_t n, const char *f, ...) {
    va_list ap;
    int r;
    va_start(ap, f);
    r = vsnprintf(buf, n, f, ap);
    va_end(ap);
    return r;
}

static void logmsg(const char *level, const char *f, ...) {
    va_list ap;
    printf("[%s] ", level);
    va_start(ap, f);
    vprintf(f, ap);
    va_end(ap);
    printf("\n");
}

int main(void) {
    char buf[16];
    int r = fmt(buf, sizeof buf, "%d-%s-%.2f", 12, "abc", 3.14159);
    printf("%d %s\n", r, buf);
    r = fmt(buf, 8, "%s", "truncated string");
    printf("%d %s\n", r, buf);
    logmsg("info", "x=%d y=%c", 5, 'Q');
    return 0;
}
