/* qsort of structs by several keys */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Rec { char name[8]; int age; double score; };

static int by_age_then_name(const void *a, const void *b) {
    const struct Rec *x = a, *y = b;
    if (x->age != y->age) return x->age < y->age ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int by_score_desc(const void *a, const void *b) {
    double x = ((const struct Rec *)a)->score, y = ((const struct Rec *)b)->score;
    return (x < y) - (x > y);
}

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

int main(void) {
    struct Rec r[] = { { "eve", 30, 8.5 }, { "bob", 25, 9.1 }, { "amy", 30, 7.0 },
                       { "dan", 22, 9.9 }, { "cat", 25, 6.2 } };
    int n = 5, i;
    qsort(r, n, sizeof r[0], by_age_then_name);
    for (i = 0; i < n; i++) printf("%s:%d ", r[i].name, r[i].age);
    printf("\n");
    qsort(r, n, sizeof r[0], by_score_desc);
    for (i = 0; i < n; i++) printf("%s:%.1f ", r[i].name, r[i].score);
    printf("\n");
    int big[200];
    for (i = 0; i < 200; i++) big[i] = (i * 7919) % 211;
    qsort(big, 200, sizeof(int), cmp_int);
    int sorted = 1;
    for (i = 1; i < 200; i++) sorted &= big[i - 1] <= big[i];
    printf("%d %d %d %d\n", sorted, big[0], big[100], big[199]);
    return 0;
}
