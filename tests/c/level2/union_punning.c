/* type punning through a union: int and bytes, float and bits */
#include <stdio.h>

union IB { unsigned int i; unsigned char b[4]; };
union FB { float f; unsigned int u; };
union DB { double d; unsigned long long u; };

int main(void) {
    union IB x;
    x.i = 0x11223344u;
    printf("%02x %02x %02x %02x\n", x.b[0], x.b[1], x.b[2], x.b[3]);
    x.b[0] = 0xff;
    printf("%08x\n", x.i);
    union FB f;
    f.f = 1.0f;
    printf("%08x\n", f.u);
    f.u = 0x40490fdbu;
    printf("%.6f\n", f.f);
    union DB d;
    d.d = -2.0;
    printf("%016llx\n", d.u);
    return 0;
}
