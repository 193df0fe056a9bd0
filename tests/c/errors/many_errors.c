/* Several independent errors: every one is reported, not just the first. */
#include <stdio.h>

struct point { int x, y; };

int main(void) {
    int n = "text";          /* integer from pointer */
    struct point p = { 1, 2 };
    p.z = 3;                 /* no member z */
    undeclared = 4;          /* undeclared identifier */
    printf("%d\n", n, p.x);
    return p;                /* struct returned as int */
}
