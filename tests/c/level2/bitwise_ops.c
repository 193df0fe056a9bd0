/* bitwise and, or, xor, not, shifts */
#include <stdio.h>

static int popcount(unsigned x) { int n = 0; while (x) { n += x & 1; x >>= 1; } return n; }

int main(void) {
    unsigned a = 0xF0F0u, b = 0x0FF0u;
    printf("%x %x %x %x\n", a & b, a | b, a ^ b, ~a);
    printf("%x %x\n", a << 4, a >> 4);
    int n = -16;
    printf("%d %d %d\n", n >> 2, ~n, n & 0xff);
    printf("%d %d\n", popcount(0xdeadbeefu), popcount(0));
    unsigned x = 0x12345678u;
    unsigned rot = (x << 8) | (x >> 24);
    printf("%08x\n", rot);
    int flags = 0;
    flags |= 1 << 3; flags |= 1 << 0; flags &= ~(1 << 0); flags ^= 0x30;
    printf("%d\n", flags);
    return 0;
}
