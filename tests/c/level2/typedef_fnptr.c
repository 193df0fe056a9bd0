/* typedef of function and function pointer types */
#include <stdio.h>

typedef int BinOp(int, int);
typedef BinOp *BinOpPtr;
typedef int (*UnOp)(int);

static int add(int a, int b) { return a + b; }
static int neg(int a) { return -a; }

int main(void) {
    BinOpPtr f = add;
    BinOp *g = &add;
    UnOp u = neg;
    printf("%d %d %d\n", f(2, 3), (*g)(4, 5), u(f(1, 1)));
    return 0;
}
