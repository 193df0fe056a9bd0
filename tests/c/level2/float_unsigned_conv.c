/* conversions between unsigned / 64-bit integers and doubles */
#include <stdio.h>

int main(void) {
    unsigned long long big = 18446744073709551615ULL;
    double d = (double)big;
    printf("%.1f\n", d);
    unsigned long long back = (unsigned long long)1.8e19;
    printf("%llu\n", back);
    unsigned int u = 4294967295u;
    printf("%.1f\n", (double)u);
    long long neg = -9000000000000LL;
    printf("%.1f\n", (double)neg);
    printf("%lld\n", (long long)-1.5e15);
    float f = (float)u;
    printf("%.1f\n", f);
    unsigned char uc = (unsigned char)200.9;
    printf("%d\n", uc);
    return 0;
}
