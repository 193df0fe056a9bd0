/* C99 flexible array member */
#include <stdio.h>
#include <stdlib.h>

struct Vec { int n; int data[]; };

int main(void) {
    int i, n = 6;
    struct Vec *v = malloc(sizeof(struct Vec) + n * sizeof(int));
    v->n = n;
    for (i = 0; i < n; i++) v->data[i] = i * 3;
    int s = 0;
    for (i = 0; i < v->n; i++) s += v->data[i];
    printf("%zu %d\n", sizeof(struct Vec), s);
    free(v);
    return 0;
}
