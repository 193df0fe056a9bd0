/* #undef removes a macro so it can be redefined */
#include <stdio.h>

#define X 1
static int a = X;
#undef X
#define X 2
static int b = X;
#undef X
#ifdef X
static int c = 99;
#else
static int c = 3;
#endif
#undef NEVER_DEFINED

int main(void) {
    int X = 4;
    printf("%d %d %d %d\n", a, b, c, X);
    return 0;
}
