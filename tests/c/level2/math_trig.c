/* math.h: exp log sin cos and friends */
#include <stdio.h>
#include <math.h>

int main(void) {
    double pi = acos(-1.0);
    int i;
    printf("%.6f\n", pi);
    for (i = 0; i <= 8; i++) {
        double a = pi * i / 4;
        printf("%d %.6f %.6f\n", i, sin(a), cos(a));
    }
    printf("%.6f %.6f %.6f\n", exp(0), exp(1), exp(-2.5));
    printf("%.6f %.6f %.6f\n", log(1), log(10), log(exp(3)));
    printf("%g %g\n", log10(1000), atan2(1, 1) * 4);
    printf("%.6f\n", tan(pi / 4));
    return 0;
}
