/* snprintf truncates, always NUL-terminates, returns the untruncated length (allow-warning: -Wformat-truncation=) */
#include <stdio.h>

int main(void) {
    char buf[8];
    int n;
    n = snprintf(buf, sizeof buf, "%s", "abcdefghijkl");
    printf("%d [%s]\n", n, buf);
    n = snprintf(buf, sizeof buf, "%d", 1234567);
    printf("%d [%s]\n", n, buf);
    n = snprintf(buf, sizeof buf, "%d", 12345678);
    printf("%d [%s]\n", n, buf);
    n = snprintf(buf, 1, "xyz");
    printf("%d [%s]\n", n, buf);
    n = snprintf(NULL, 0, "%d and %s", 100, "more");
    printf("%d\n", n);
    n = snprintf(buf, 5, "%.3f", 3.14159);
    printf("%d [%s]\n", n, buf);
    return 0;
}
