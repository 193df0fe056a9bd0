/* calling through function pointers, with and without explicit deref */
#include <stdio.h>

static int sq(int x) { return x * x; }
static double half(double x) { return x / 2; }
static void hello(const char *s) { printf("hello %s\n", s); }

int main(void) {
    int (*f)(int) = sq;
    double (*g)(double) = &half;
    void (*h)(const char *) = hello;
    printf("%d %d\n", f(7), (*f)(8));
    printf("%.2f\n", g(5));
    h("world");
    (**h)("again");
    printf("%d\n", f == sq);
    return 0;
}
