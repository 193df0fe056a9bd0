/* function pointers passed as arguments */
#include <stdio.h>

static int twice(int x) { return 2 * x; }
static int inc(int x) { return x + 1; }

static void map(int *a, int n, int (*f)(int)) {
    int i;
    for (i = 0; i < n; i++) a[i] = f(a[i]);
}

static int fold(const int *a, int n, int init, int op(int, int)) {
    int i;
    for (i = 0; i < n; i++) init = op(init, a[i]);
    return init;
}

static int plus(int a, int b) { return a + b; }
static int maxi(int a, int b) { return a > b ? a : b; }

int main(void) {
    int a[5] = { 3, 1, 4, 1, 5 }, i;
    map(a, 5, twice);
    map(a, 5, inc);
    for (i = 0; i < 5; i++) printf("%d ", a[i]);
    printf("\n%d %d\n", fold(a, 5, 0, plus), fold(a, 5, 0, maxi));
    return 0;
}
