/* strcmp and strncmp: only the sign matters */
#include <stdio.h>
#include <string.h>

static int sgn(int x) { return (x > 0) - (x < 0); }

int main(void) {
    printf("%d %d %d\n", sgn(strcmp("abc", "abc")), sgn(strcmp("abc", "abd")), sgn(strcmp("b", "abc")));
    printf("%d %d\n", sgn(strcmp("", "a")), sgn(strcmp("ab", "a")));
    printf("%d %d %d\n", sgn(strncmp("abcdef", "abcxyz", 3)), sgn(strncmp("abcdef", "abcxyz", 4)), sgn(strncmp("a", "b", 0)));
    printf("%d\n", sgn(strcmp("\xff", "a")));
    return 0;
}
