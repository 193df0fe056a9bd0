/* struct initializer lists in order, partial */
#include <stdio.h>

struct S { int a; char b; double c; const char *d; int e[2]; };

int main(void) {
    struct S s = { 1, 'x', 2.5, "str", { 8, 9 } };
    struct S t = { 5 };
    printf("%d %c %.1f %s %d %d\n", s.a, s.b, s.c, s.d, s.e[0], s.e[1]);
    printf("%d %d %.1f %d %d %d\n", t.a, t.b, t.c, t.d == NULL, t.e[0], t.e[1]);
    return 0;
}
