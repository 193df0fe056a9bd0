/* sizeof arrays vs pointers; arrays decay in parameters (allow-warning: -Wsizeof-array-argument) */
#include <stdio.h>

static size_t param_size(int a[10]) { return sizeof a; }

int main(void) {
    int a[10];
    int *p = a;
    int m[3][5];
    char *strs[4];
    int (*pa)[5] = m;
    printf("%zu %zu %zu\n", sizeof a, sizeof p, param_size(a));
    printf("%zu %zu %zu\n", sizeof m, sizeof m[0], sizeof m[0][0]);
    printf("%zu %zu %zu\n", sizeof strs, sizeof *pa, sizeof pa);
    printf("%zu\n", sizeof a / sizeof *a);
    printf("%zu %zu\n", sizeof(a + 0), sizeof &a);
    return 0;
}
