/* comparisons of floating values, mixed with ints */
#include <stdio.h>

int main(void) {
    double a = 1.5, b = 2.5;
    float f = 1.5f;
    int i = 2;
    printf("%d %d %d %d %d %d\n", a < b, a > b, a <= 1.5, a >= b, a == f, a != b);
    printf("%d %d %d\n", i < b, i > a, i == 2.0);
    printf("%d\n", 0.1f == 0.1);
    printf("%d\n", -0.0 == 0.0);
    printf("%d %d\n", !0.0, !0.5);
    printf("%d\n", a && 0.0);
    double m = a > b ? a : b;
    printf("%.1f\n", m);
    return 0;
}
