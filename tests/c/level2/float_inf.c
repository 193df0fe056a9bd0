/* infinities and their printing */
#include <stdio.h>
#include <math.h>

int main(void) {
    double inf = HUGE_VAL;
    double z = 0.0;
    printf("%f %f %e %g\n", inf, -inf, inf, -inf);
    printf("%d %d\n", inf > 1e308, -inf < -1e308);
    printf("%f\n", 1.0 / z);
    printf("%d\n", inf == inf + 1);
    printf("%F %G\n", INFINITY, -INFINITY);
    printf("%5.1f|%-6f|\n", inf, -inf);
    printf("%f\n", 1e308 * 10);
    return 0;
}
