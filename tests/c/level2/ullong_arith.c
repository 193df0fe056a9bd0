/* unsigned long long arithmetic and wraparound */
#include <stdio.h>

int main(void) {
    unsigned long long a = 18446744073709551615ULL;
    unsigned long long b = a + 1;
    unsigned long long c = 0 - 1ULL;
    printf("%llu %llu %llu\n", a, b, c);
    printf("%llx %llo\n", a, 8ULL);
    unsigned long long h = 14695981039346656037ULL;
    const char *s = "hash me";
    while (*s) { h ^= (unsigned char)*s++; h *= 1099511628211ULL; }
    printf("%llu\n", h);
    printf("%llu %llu\n", a / 7, a % 7);
    printf("%d\n", (unsigned long long)-1 > 0);
    printf("%llu\n", 10000000000ULL * 10000000000ULL);
    return 0;
}
