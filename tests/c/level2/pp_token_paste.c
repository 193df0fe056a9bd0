/* the ## token-pasting operator */
#include <stdio.h>

#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
#define MAKE_GETTER(name) static int get_##name(void) { return name; }
#define PREFIX pre

static int alpha = 1, beta = 2;
MAKE_GETTER(alpha)
MAKE_GETTER(beta)

int main(void) {
    int xy = 5, prefix = 9;
    int CAT(var, 1) = 11;
    printf("%d %d\n", CAT(x, y), var1);
    printf("%d %d\n", get_alpha(), get_beta());
    printf("%d\n", CAT(12, 34));
    printf("%d\n", XCAT(PREFIX, fix));
    printf("%f\n", CAT(1., 5));
    return 0;
}
