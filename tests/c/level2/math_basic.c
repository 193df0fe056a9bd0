/* math.h: sqrt pow fabs floor ceil fmod */
#include <stdio.h>
#include <math.h>

int main(void) {
    double v[] = { 0.0, 2.0, 2.5, -2.5, 10.75, -0.3, 1e6 };
    int i;
    for (i = 0; i < 7; i++)
        printf("%.6f %.6f %.6f %.6f\n", fabs(v[i]), floor(v[i]), ceil(v[i]), fmod(v[i], 0.7));
    printf("%.6f %.6f %.6f\n", sqrt(2.0), sqrt(144.0), sqrt(0.25));
    printf("%.6f %.6f %.6f %g\n", pow(2, 10), pow(2.5, -2), pow(9, 0.5), pow(10, 20));
    printf("%g %g\n", fmod(-7.5, 2), fmod(7.5, -2));
    printf("%g %g\n", floor(-0.5), ceil(-0.5));
    return 0;
}
