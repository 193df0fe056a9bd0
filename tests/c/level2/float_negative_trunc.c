/* float to int conversion truncates toward zero, incl. negatives */
#include <stdio.h>

int main(void) {
    double vals[] = { 2.7, -2.7, 0.5, -0.5, -0.0, 99.999, -99.999, 1e-300, -1e6 + 0.25 };
    int i;
    for (i = 0; i < 9; i++) printf("%g -> %d %ld\n", vals[i], (int)vals[i], (long)vals[i]);
    float f = -7.9f;
    printf("%d\n", (int)f);
    int n = -7;
    printf("%f %f\n", (double)n, (float)n / 2);
    return 0;
}
