/* remaining elements of partially initialized aggregates are zero */
#include <stdio.h>

struct S { int a; double b; char *p; char s[4]; };

int main(void) {
    int a[100] = { 1 };
    struct S s[3] = { { 1 } };
    char buf[32] = "x";
    int i, sum = 0, nz = 0;
    for (i = 0; i < 100; i++) sum += a[i];
    for (i = 0; i < 3; i++)
        if (s[i].b != 0 || s[i].p || s[i].s[3] || (i > 0 && s[i].a)) nz++;
    for (i = 1; i < 32; i++) nz += buf[i] != 0;
    printf("%d %d %d\n", sum, nz, s[0].a);
    int z[4] = { 0 };
    printf("%d %d\n", z[0], z[3]);
    return 0;
}
