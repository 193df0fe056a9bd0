/* unsigned arithmetic wraps modulo 2^N */
#include <stdio.h>
#include <limits.h>

int main(void) {
    unsigned int u = UINT_MAX;
    unsigned short us = 0;
    unsigned char uc = 250;
    u += 2;
    us -= 1;
    uc += 10;
    printf("%u %u %u\n", u, us, uc);
    unsigned x = 3;
    printf("%u\n", x - 5);
    printf("%u\n", 0x10000u * 0x10000u);
    unsigned k;
    int n = 0;
    for (k = 5; k < 100; k--) n++;
    printf("%d\n", n);
    return 0;
}
