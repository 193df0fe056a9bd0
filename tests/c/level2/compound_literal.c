/* compound literals of array type */
#include <stdio.h>

static int sum(const int *a, int n) { int s = 0; while (n--) s += a[n]; return s; }

int main(void) {
    int *p = (int[]){ 1, 2, 3, 4 };
    printf("%d\n", sum(p, 4));
    printf("%d\n", sum((int[]){ 10, 20, 30 }, 3));
    printf("%zu\n", sizeof (int[]){ 1, 2, 3, 4, 5 });
    const char *s = (const char[]){ 'o', 'k', 0 };
    printf("%s\n", s);
    char **words = (char *[]){ "alpha", "beta", NULL };
    while (*words) printf("%s ", *words++);
    printf("\n");
    return 0;
}
