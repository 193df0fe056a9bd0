/* pointer arithmetic, differences and comparisons */
#include <stdio.h>

int main(void) {
    int a[10], i;
    for (i = 0; i < 10; i++) a[i] = i * 10;
    int *p = a, *q = &a[9];
    printf("%d %d %d\n", *(p + 3), *(q - 2), (int)(q - p));
    p += 4;
    int x1 = *p++;
    int x2 = *p;
    int x3 = *--p;
    printf("%d %d %d\n", x1, x2, x3);
    printf("%d %d\n", p < q, p[2] == a[6]);
    printf("%d\n", 3[a]);
    double d[4] = { 1.5, 2.5, 3.5, 4.5 };
    double *dp = d + 4;
    printf("%.1f %d\n", dp[-1], (int)(dp - d));
    char *cp = (char *)&a[1];
    printf("%d\n", (int)(cp - (char *)a));
    return 0;
}
