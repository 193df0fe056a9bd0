/* const pointer (pointer itself fixed) vs pointer to const */
#include <stdio.h>

int main(void) {
    int a = 1, b = 2;
    int *const cp = &a;
    const int *pc = &a;
    int const *pc2 = &b;
    const int *const cpc = &b;
    *cp = 10;
    pc = &b;
    printf("%d %d %d %d\n", a, *pc, *pc2, *cpc);
    const int k = 42;
    const int *pk = &k;
    printf("%d\n", *pk);
    return 0;
}
