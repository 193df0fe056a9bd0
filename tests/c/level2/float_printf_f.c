/* printf %f with precisions and rounding */
#include <stdio.h>

int main(void) {
    double v[] = { 0.0, 1.0, -1.5, 3.14159265358979, 2.5, 0.125, 1e-7, 123456789.987654321, 0.05, 1e20 };
    int i;
    for (i = 0; i < 10; i++)
        printf("[%f] [%.0f] [%.1f] [%.3f] [%.10f]\n", v[i], v[i], v[i], v[i], v[i]);
    printf("%.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, 3.5);
    printf("%.2f %.2f\n", 1.005, 2.675);
    return 0;
}
