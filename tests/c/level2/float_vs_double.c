/* float has less precision than double */
#include <stdio.h>
#include <float.h>

int main(void) {
    float f = 1.0f / 3.0f;
    double d = 1.0 / 3.0;
    printf("%.10f\n%.17f\n", f, d);
    printf("%d\n", (double)f == d);
    float big = 16777216.0f;
    printf("%.1f %.1f\n", big + 1.0f, (double)big + 1.0);
    float acc = 0;
    int i;
    for (i = 0; i < 10; i++) acc += 0.1f;
    printf("%.9f\n", acc);
    printf("%zu %zu %d %d\n", sizeof f, sizeof d, FLT_DIG, DBL_DIG);
    printf("%d %d\n", FLT_MANT_DIG, DBL_MANT_DIG);
    printf("%g %g\n", FLT_EPSILON, DBL_EPSILON);
    printf("%g\n", FLT_MAX);
    float x = 0.1f;
    printf("%.20f\n", x);
    return 0;
}
