/* NaN compares unequal to everything, including itself */
#include <stdio.h>
#include <math.h>

int main(void) {
    double zero = 0.0;
    double n = zero / zero;
    double nn = NAN;
    printf("%d %d %d %d %d %d\n", n == n, n != n, n < 1, n > 1, n <= n, n >= n);
    printf("%d %d\n", nn == nn, isnan(nn) != 0);
    printf("%d\n", isnan(n) != 0);
    printf("%d\n", n ? 1 : 0);
    double x = sqrt(-1.0);
    printf("%d\n", x != x);
    printf("%d\n", isinf(1.0 / zero) != 0);
    return 0;
}
