/* basic float and double arithmetic */
#include <stdio.h>

int main(void) {
    double a = 7.5, b = 2.0;
    float f = 1.25f, g = 0.5f;
    printf("%f %f %f %f\n", a + b, a - b, a * b, a / b);
    printf("%f %f %f %f\n", f + g, f - g, f * g, f / g);
    printf("%f\n", -a);
    double x = 0.1 + 0.2;
    printf("%.17g %d\n", x, x == 0.3);
    a += 1; a *= 2; a -= 0.5; a /= 4;
    printf("%f\n", a);
    double acc = 0;
    int i;
    for (i = 1; i <= 10; i++) acc += 1.0 / i;
    printf("%.15f\n", acc);
    printf("%f\n", 1e10 * 1e-5);
    return 0;
}
