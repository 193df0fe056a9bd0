/* bit-fields: widths, truncation on store, unsigned wrap */
#include <stdio.h>

struct Flags { unsigned a : 1; unsigned b : 3; unsigned c : 4; unsigned d : 8; };

int main(void) {
    struct Flags f = { 1, 5, 9, 200 };
    printf("%u %u %u %u\n", f.a, f.b, f.c, f.d);
    unsigned nine = 9, big = 300;
    f.b = nine;
    f.c += 8;
    f.d = big;
    printf("%u %u %u\n", f.b, f.c, f.d);
    printf("%zu\n", sizeof(struct Flags));
    return 0;
}
