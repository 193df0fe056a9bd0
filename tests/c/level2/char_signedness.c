/* plain char is signed on x86-64; signed vs unsigned char */
#include <stdio.h>
#include <limits.h>

int main(void) {
    char c = (char)200;
    signed char sc = -1;
    unsigned char uc = 255;
    printf("%d %d %d\n", c, sc, uc);
    printf("%d %d\n", CHAR_MIN, CHAR_MAX);
    printf("%d\n", sc == uc);
    printf("%d\n", (unsigned char)sc == uc);
    const char *s = "\xff\x80\x7f";
    printf("%d %d %d\n", s[0], s[1], s[2]);
    printf("%d %d\n", '\377', '\x41');
    return 0;
}
