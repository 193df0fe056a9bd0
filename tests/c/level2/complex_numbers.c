/* complex numbers (out of segvm's scope: a "not supported" error) */
#include <complex.h>
#include <stdio.h>

int main(void) {
    double complex z = 1.0 + 2.0 * I;
    printf("%g %g\n", creal(z * z), cimag(z * z));
    return 0;
}
