/* realloc grows a buffer preserving its contents */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int cap = 2, n = 0, i;
    int *v = malloc(cap * sizeof *v);
    for (i = 0; i < 100; i++) {
        if (n == cap) {
            cap *= 2;
            v = realloc(v, cap * sizeof *v);
        }
        v[n++] = i * 3;
    }
    long s = 0;
    for (i = 0; i < n; i++) s += v[i];
    printf("%d %d %ld %d\n", n, cap, s, v[99]);
    v = realloc(v, 10 * sizeof *v);
    printf("%d\n", v[9]);
    free(v);
    char *p = realloc(NULL, 4);
    p[0] = 'o'; p[1] = 'k'; p[2] = 0;
    printf("%s\n", p);
    free(p);
    return 0;
}
