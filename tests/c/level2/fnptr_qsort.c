/* qsort with several comparator functions */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }
static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(void) {
    int a[] = { 5, -2, 9, 0, 33, -7, 9, 1 };
    const char *s[] = { "pear", "apple", "fig", "banana", "cherry" };
    int n = 8, i;
    qsort(a, n, sizeof a[0], cmp_int);
    for (i = 0; i < n; i++) printf("%d ", a[i]);
    printf("\n");
    qsort(a, n, sizeof a[0], cmp_int_desc);
    for (i = 0; i < n; i++) printf("%d ", a[i]);
    printf("\n");
    qsort(s, 5, sizeof s[0], cmp_str);
    for (i = 0; i < 5; i++) printf("%s ", s[i]);
    printf("\n");
    return 0;
}
