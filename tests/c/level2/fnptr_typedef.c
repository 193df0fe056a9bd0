/* typedef'd callback type used in a struct and a table */
#include <stdio.h>

typedef void (*Handler)(int *state, int arg);

static void h_add(int *s, int a) { *s += a; }
static void h_mul(int *s, int a) { *s *= a; }
static void h_neg(int *s, int a) { (void)a; *s = -*s; }

struct Cmd { Handler h; int arg; };

int main(void) {
    struct Cmd prog[] = { { h_add, 5 }, { h_mul, 3 }, { h_neg, 0 }, { h_add, 20 } };
    int state = 1;
    size_t i;
    for (i = 0; i < sizeof prog / sizeof prog[0]; i++) {
        prog[i].h(&state, prog[i].arg);
        printf("%d\n", state);
    }
    return 0;
}
