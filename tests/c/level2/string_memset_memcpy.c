/* memset and memcpy */
#include <stdio.h>
#include <string.h>

struct S { int a; double b; };

int main(void) {
    unsigned char buf[16];
    int ints[4] = { 1, 2, 3, 4 }, copy[4];
    int i;
    memset(buf, 0xab, sizeof buf);
    memset(buf + 4, 0, 8);
    for (i = 0; i < 16; i++) printf("%02x", buf[i]);
    printf("\n");
    void *r = memcpy(copy, ints, sizeof ints);
    printf("%d %d %d\n", copy[0], copy[3], r == copy);
    struct S a = { 5, 2.5 }, b;
    memcpy(&b, &a, sizeof a);
    printf("%d %.1f\n", b.a, b.b);
    memset(ints, -1, sizeof ints);
    printf("%d\n", ints[2]);
    return 0;
}
