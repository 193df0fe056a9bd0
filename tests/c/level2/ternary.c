/* conditional operator: types, nesting, lvalue-free use */
#include <stdio.h>

int main(void) {
    int i;
    for (i = -2; i <= 2; i++) printf("%s ", i < 0 ? "neg" : i == 0 ? "zero" : "pos");
    printf("\n");
    int a = 5, b = 7;
    int *p = a > b ? &a : &b;
    *p = 70;
    printf("%d %d\n", a, b);
    printf("%.1f\n", 1 ? 1 : 2.5);
    printf("%zu\n", sizeof(0 ? 'a' : 1L));
    unsigned u = 1;
    printf("%d\n", (0 ? -1 : u) > 0);
    return 0;
}
