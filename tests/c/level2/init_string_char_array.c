/* char arrays initialized from string literals */
#include <stdio.h>

int main(void) {
    char a[] = "hello";
    char b[10] = "hi";
    char c[] = { 'x', 'y', 0 };
    char d[2][4] = { "abc", "de" };
    char e[] = { "braced" };
    int i;
    printf("%zu %s\n", sizeof a, a);
    printf("%zu %s", sizeof b, b);
    for (i = 0; i < 10; i++) printf(" %d", b[i]);
    printf("\n%s %s %s %s\n", c, d[0], d[1], e);
    a[0] = 'j';
    printf("%s\n", a);
    return 0;
}
