/* structs passed by value are copies */
#include <stdio.h>

struct V { int a, b, c; };
struct Small { char c; short s; };

static int sum(struct V v) { v.a += 1000; return v.a + v.b + v.c; }
static int smallsum(struct Small s, int k) { return s.c + s.s + k; }
static double mix(int i, struct V v, double d) { return i + v.b + d; }

int main(void) {
    struct V v = { 1, 2, 3 };
    struct Small s = { 5, 300 };
    printf("%d\n", sum(v));
    printf("%d\n", v.a);
    printf("%d\n", smallsum(s, 7));
    printf("%.2f\n", mix(10, v, 0.25));
    return 0;
}
