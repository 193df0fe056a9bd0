/* printf %e and %E */
#include <stdio.h>

int main(void) {
    double v[] = { 0.0, 1.0, -12345.678, 6.02214076e23, 1.6e-19, 9.9999999, 0.00012 };
    int i;
    for (i = 0; i < 7; i++)
        printf("[%e] [%.0e] [%.2e] [%E] [%10.4e] [%-12.1e]\n", v[i], v[i], v[i], v[i], v[i], v[i]);
    printf("%e %e\n", 1e300, 1e-300);
    return 0;
}
