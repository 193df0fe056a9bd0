/* Argument evaluation order: C leaves it unspecified; segvm evaluates right to left, as
   gcc's x86-64 code does, so programs that depend on it print what gcc's build prints. */
#include <stdio.h>
static int n;
static int f(void) { return ++n; }
struct S { int a; };
static struct S g(void) { struct S s = { ++n * 10 }; return s; }
static int h(struct S s, int x, int y) { return s.a * 100 + x * 10 + y; }
int main(void) {
    int i = 0;
    printf("%d %d %d\n", f(), f(), f());
    printf("%d\n", h(g(), f(), f()));
    printf("%d %d\n", f() + 0, i++ + f());
    return 0;
}
