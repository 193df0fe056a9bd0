/* functions returning function pointers */
#include <stdio.h>

static int up(int x) { return x + 1; }
static int down(int x) { return x - 1; }

static int (*pick(int dir))(int) { return dir > 0 ? up : down; }

typedef int (*Fn)(int);
static Fn pick2(char c) { return c == '+' ? up : down; }

int main(void) {
    printf("%d %d\n", pick(1)(10), pick(-1)(10));
    printf("%d\n", pick2('+')(pick2('-')(pick2('-')(0))));
    return 0;
}
