/* const-qualified parameters and arrays of const */
#include <stdio.h>

static int sum(const int *a, int n) {
    int s = 0;
    while (n--) s += *a++;
    return s;
}

static size_t len(const char *const s) {
    const char *p = s;
    while (*p) p++;
    return (size_t)(p - s);
}

static const int table[] = { 1, 1, 2, 3, 5, 8 };

int main(void) {
    int v[] = { 4, 5, 6 };
    const char *strs[] = { "ab", "cde" };
    printf("%d %d\n", sum(v, 3), sum(table, 6));
    printf("%zu %zu\n", len(strs[0]), len(strs[1]));
    strs[0] = strs[1];
    printf("%s\n", strs[0]);
    return 0;
}
