/* integer literal forms and their types */
#include <stdio.h>

int main(void) {
    printf("%d %d %d\n", 0x1F, 017, 0);
    printf("%u %lu %llu\n", 0xFFFFFFFFu, 0x7fffffffffffffffUL, 0xffffffffffffffffULL);
    printf("%zu %zu %zu %zu\n", sizeof 2147483647, sizeof 2147483648, sizeof 0x80000000, sizeof 4294967296);
    printf("%f %f %f\n", 1e3, .5, 0x1.8p1);
    printf("%d %d %d\n", '\0', '\t', '\\');
    printf("%ld\n", 0777L);
    return 0;
}
