/* printf %x %X %o %u of various values */
#include <stdio.h>

int main(void) {
    unsigned v[] = { 0, 1, 15, 16, 255, 4096, 0xdeadbeef, 4294967295u };
    int i;
    for (i = 0; i < 8; i++) printf("%u %x %X %o %08x %#o\n", v[i], v[i], v[i], v[i], v[i], v[i]);
    printf("%x %u\n", -1, -1);
    return 0;
}
