/* signed overflow wraps: relies on -fwrapv (documented requirement) */
#include <stdio.h>
#include <limits.h>

int main(void) {
    int m = INT_MAX;
    int n = INT_MIN;
    m = m + 1;
    n = n - 1;
    printf("%d %d\n", m, n);
    int h = 0;
    const char *s = "overflowing hash string";
    while (*s) h = h * 31 + *s++;
    printf("%d\n", h);
    long long ll = LLONG_MAX;
    ll++;
    printf("%lld\n", ll);
    int neg = INT_MIN;
    printf("%d\n", -neg);
    return 0;
}
