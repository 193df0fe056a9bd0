/* macro rescanning and no recursive self-expansion */
#include <stdio.h>

#define ADD(a, b) ((a) + (b))
#define DOUBLE(x) ADD(x, x)
#define QUAD(x) DOUBLE(DOUBLE(x))
#define foo foo
#define APPLY(f, x) f(x)

int main(void) {
    int foo = 3;
    int self = 10;
#define self (self + 1)
    printf("%d %d\n", DOUBLE(3), QUAD(2));
    printf("%d %d\n", foo, self);
    printf("%d\n", APPLY(DOUBLE, 21));
    printf("%d\n", ADD(ADD(1, 2), ADD(3, 4)));
    return 0;
}
