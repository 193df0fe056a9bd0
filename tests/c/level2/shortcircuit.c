/* && and || short-circuit evaluation */
#include <stdio.h>

static int calls;
static int t(int v) { calls++; return v; }

int main(void) {
    int r;
    calls = 0; r = t(0) && t(1); printf("%d %d\n", r, calls);
    calls = 0; r = t(1) && t(2); printf("%d %d\n", r, calls);
    calls = 0; r = t(1) || t(0); printf("%d %d\n", r, calls);
    calls = 0; r = t(0) || t(0) || t(3); printf("%d %d\n", r, calls);
    int *np = NULL;
    if (np && *np) printf("bad\n");
    else printf("safe\n");
    return 0;
}
