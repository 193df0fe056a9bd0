/* sizeof of expressions is not evaluated */
#include <stdio.h>

struct S { int a; char b[7]; double c; };

int main(void) {
    int i = 0;
    struct S s, *ps = &s;
    size_t n = sizeof(i++);
    printf("%zu %d\n", n, i);
    printf("%zu %zu %zu %zu\n", sizeof s, sizeof *ps, sizeof ps->b, sizeof s.c);
    printf("%zu\n", sizeof(struct S[3]));
    printf("%zu %zu\n", sizeof(i == 1), sizeof(char) + sizeof(short));
    printf("%zu\n", sizeof(s.a ? 1.0 : 2));
    return 0;
}
