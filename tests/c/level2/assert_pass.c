/* assert with true conditions does nothing */
#include <stdio.h>
#include <assert.h>

static int fact(int n) { assert(n >= 0); return n <= 1 ? 1 : n * fact(n - 1); }

int main(void) {
    int x = 5;
    assert(x == 5);
    assert(fact(5) == 120);
    assert(sizeof(int) == 4 && "int must be 32 bits");
    printf("asserts passed %d\n", fact(x));
    return 0;
}
