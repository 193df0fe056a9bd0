/* switching on enum values */
#include <stdio.h>

enum Op { ADD, SUB, MUL, DIV };

static int apply(enum Op op, int a, int b) {
    switch (op) {
    case ADD: return a + b;
    case SUB: return a - b;
    case MUL: return a * b;
    case DIV: return a / b;
    }
    return 0;
}

int main(void) {
    enum Op op;
    for (op = ADD; op <= DIV; op++) printf("%d\n", apply(op, 20, 4));
    return 0;
}
