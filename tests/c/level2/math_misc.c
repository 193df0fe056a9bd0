/* math.h: copysign fmax fmin ldexp frexp modf round trunc */
#include <stdio.h>
#include <math.h>

int main(void) {
    printf("%g %g %g\n", copysign(3.0, -1.0), copysign(-2.0, 5.0), copysign(0.0, -1.0));
    printf("%g %g %g\n", fmax(1.5, 2.5), fmin(1.5, 2.5), fmax(-1, NAN));
    printf("%g %g %g\n", ldexp(1.0, 10), ldexp(3.0, -2), ldexp(0.75, 4));
    int e;
    double m = frexp(48.0, &e);
    printf("%g %d\n", m, e);
    double ip;
    double fp = modf(-3.75, &ip);
    printf("%g %g\n", ip, fp);
    printf("%g %g %g %g\n", round(2.5), round(-2.5), trunc(-2.7), trunc(2.7));
    printf("%.6f %.6f\n", hypot(3, 4), cbrt(27));
    printf("%ld\n", lround(7.5));
    return 0;
}
