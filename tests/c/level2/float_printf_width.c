/* printf width, precision and flags on floating conversions */
#include <stdio.h>

int main(void) {
    double x = 3.14159, y = -2.5;
    printf("[%10.4e]\n", x);
    printf("[%-8.2g]\n", x);
    printf("[%.3f]\n", x);
    printf("[%10f] [%-10f] [%010.2f] [%+f] [% f]\n", x, x, x, x, x);
    printf("[%+.2f] [% .2f] [%08.3f] [%-+9.1f]\n", y, y, y, y);
    printf("[%*.*f] [%-*.*f]\n", 9, 3, x, 9, 1, y);
    printf("[%#.0f] [%.0f] [%#.0e]\n", 2.0, 2.0, 2.0);
    printf("[%+e] [%012.3e]\n", 12345.0, -0.000123);
    return 0;
}
