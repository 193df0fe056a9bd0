/* conversions between integers and floating types */
#include <stdio.h>

int main(void) {
    double d = 3.99;
    int i = (int)d;
    int j = 7;
    double q = j / 2;
    double r = j / 2.0;
    float f = 16777217;
    long long big = 9007199254740993LL;
    double bd = (double)big;
    unsigned u = (unsigned)3e9;
    printf("%d %.1f %.1f\n", i, q, r);
    printf("%.1f %.1f\n", f, bd);
    printf("%u\n", u);
    printf("%d %d\n", (int)2.1e9, (int)-2.1e9);
    char c = (char)65.7;
    short s = (short)-123.9;
    printf("%c %d\n", c, s);
    printf("%.1f\n", (double)(1 << 30) * 4);
    long l = (long)1e18;
    printf("%ld\n", l);
    return 0;
}
