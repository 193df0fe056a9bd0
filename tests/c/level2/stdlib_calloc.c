/* calloc returns zeroed memory */
#include <stdio.h>
#include <stdlib.h>

struct S { int a; double d; char *p; };

int main(void) {
    int *a = calloc(50, sizeof(int));
    struct S *s = calloc(4, sizeof *s);
    int i, nz = 0;
    for (i = 0; i < 50; i++) nz += a[i] != 0;
    for (i = 0; i < 4; i++) nz += s[i].a != 0 || s[i].d != 0.0 || s[i].p != NULL;
    printf("%d\n", nz);
    free(a);
    free(s);
    return 0;
}
