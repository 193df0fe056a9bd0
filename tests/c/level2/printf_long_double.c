/* long double arithmetic and the L length modifier */
#include <stdio.h>

int main(void) {
    long double a = 1.5L, b = 0.25L;
    long double c = a * 4 + b;
    printf("%Lf %Le %Lg\n", c, c, c);
    printf("%.3Lf %10.2Lf|%-10.1Le|\n", a / b, a, b);
    long double third = 1.0L / 3;
    printf("%.12Lf\n", third);
    double d = (double)third;
    printf("%.12f\n", d);
    printf("%Lg %Lg\n", (long double)1e30 * 10, -a);
    int i = (int)(c * 2);
    printf("%d %zu\n", i, sizeof(long double));
    return 0;
}
