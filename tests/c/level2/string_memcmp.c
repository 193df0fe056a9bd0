/* memcmp compares bytes as unsigned char */
#include <stdio.h>
#include <string.h>

static int sgn(int x) { return (x > 0) - (x < 0); }

int main(void) {
    unsigned char a[] = { 1, 2, 3, 200 };
    unsigned char b[] = { 1, 2, 3, 100 };
    printf("%d %d %d\n", sgn(memcmp(a, b, 3)), sgn(memcmp(a, b, 4)), sgn(memcmp(b, a, 4)));
    printf("%d\n", sgn(memcmp("ab\0x", "ab\0y", 4)));
    printf("%d\n", memcmp(a, b, 0));
    return 0;
}
