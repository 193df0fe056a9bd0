/* printf length modifiers hh h l ll z t j */
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

int main(void) {
    signed char sc = -100;
    unsigned char uc = 250;
    short s = -30000;
    unsigned short us = 60000;
    long l = -1234567890123L;
    unsigned long ul = 18446744073709551615UL;
    long long ll = -9223372036854775807LL - 1;
    unsigned long long ull = 12345678901234567890ULL;
    size_t z = 123456789012UL;
    ptrdiff_t t = -5;
    intmax_t j = -42;
    uintmax_t uj = 42;
    printf("%hhd %hhu %hhx\n", sc, uc, uc);
    printf("%hhd %hhu\n", 300, 300);
    printf("%hd %hu %hx\n", s, us, us);
    printf("%hd\n", 70000);
    printf("%ld %lu %lx %lo\n", l, ul, ul, 8UL);
    printf("%lld %llu %llX\n", ll, ull, ull);
    printf("%zu %zx %td %jd %ju\n", z, z, t, j, uj);
    printf("%5hhd|%-5hd|%010ld|%+lld\n", sc, s, l, 5LL);
    return 0;
}
