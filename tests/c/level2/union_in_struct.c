/* tagged union inside a struct */
#include <stdio.h>

enum Kind { K_INT, K_DBL, K_STR };
struct Val { enum Kind k; union { int i; double d; const char *s; } u; };

static void show(struct Val v) {
    switch (v.k) {
    case K_INT: printf("int %d\n", v.u.i); break;
    case K_DBL: printf("dbl %.3f\n", v.u.d); break;
    case K_STR: printf("str %s\n", v.u.s); break;
    }
}

int main(void) {
    struct Val vs[3];
    vs[0].k = K_INT; vs[0].u.i = 42;
    vs[1].k = K_DBL; vs[1].u.d = 3.25;
    vs[2].k = K_STR; vs[2].u.s = "hi";
    int i;
    for (i = 0; i < 3; i++) show(vs[i]);
    printf("%zu\n", sizeof(struct Val));
    return 0;
}
