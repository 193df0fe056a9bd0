/* shifts on 64-bit types, signed right shift is arithmetic in gcc */
#include <stdio.h>

int main(void) {
    unsigned long long u = 0x8000000000000000ULL;
    long long s = -256;
    int i;
    for (i = 0; i < 64; i += 13) printf("%llx ", u >> i);
    printf("\n");
    printf("%lld %llx\n", s >> 4, (unsigned long long)s << 4);
    printf("%llx\n", 1ULL << 63);
    printf("%lx\n", 0xfffffUL << 44);
    unsigned int w = 0xf0000000u;
    printf("%x %x\n", w >> 28, w << 3);
    int n = -1;
    printf("%d\n", n >> 31);
    return 0;
}
