/* printf %g chooses between %f and %e styles */
#include <stdio.h>

int main(void) {
    double v[] = { 0.0, 1.0, 100000.0, 1000000.0, 1234567.0, 0.0001, 0.00001, 3.14159265,
                   -2.5, 1e100, 123.456, 1.0 / 3 };
    int i;
    for (i = 0; i < 12; i++)
        printf("[%g] [%.3g] [%G] [%.10g] [%#g] [%-8.2g] [%12g]\n", v[i], v[i], v[i], v[i], v[i], v[i], v[i]);
    printf("%.0g %.1g %g\n", 15.0, 15.0, 100.0);
    return 0;
}
