/* integer promotions and usual arithmetic conversions */
#include <stdio.h>

int main(void) {
    unsigned char a = 200, b = 100;
    int s = a + b;
    unsigned char t = a + b;
    printf("%d %d\n", s, t);
    printf("%d\n", -1 < 1u);
    printf("%d\n", -1 < (long)1u);
    printf("%d\n", (unsigned char)-1 == 255);
    printf("%u\n", -1 + 0u);
    short sh = -3;
    unsigned short us = 65535;
    printf("%d %d\n", sh * us, us + 1);
    printf("%zu %zu %zu\n", sizeof(a + b), sizeof(sh), sizeof(+sh));
    printf("%zu %zu\n", sizeof(1 + 1L), sizeof(1u + 1.0f));
    char c = 'a';
    printf("%zu %zu\n", sizeof c, sizeof(c + 0));
    long l = -1;
    unsigned int ui = 1;
    printf("%d\n", l < ui);
    printf("%lu\n", (unsigned long)l);
    return 0;
}
