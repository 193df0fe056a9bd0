/* long long arithmetic */
#include <stdio.h>

int main(void) {
    long long a = 123456789012LL, b = -987654321LL;
    printf("%lld %lld %lld\n", a + b, a - b, a * 3);
    printf("%lld %lld\n", a / b, a % b);
    printf("%lld %lld\n", -a / 1000, -a % 1000);
    long long f = 1;
    int i;
    for (i = 1; i <= 20; i++) f *= i;
    printf("%lld\n", f);
    printf("%lld\n", 9223372036854775807LL);
    printf("%lld\n", -9223372036854775807LL - 1);
    long long x = 1LL << 40;
    printf("%lld %d\n", x, (int)(x >> 35));
    printf("%d\n", a > b);
    printf("%lld\n", (long long)2147483647 + 1);
    return 0;
}
