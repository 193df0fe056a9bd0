/* abs, labs, llabs */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("%d %d %d\n", abs(-5), abs(5), abs(0));
    printf("%ld %ld\n", labs(-1234567890123L), labs(77L));
    printf("%lld\n", llabs(-9000000000000000000LL));
    printf("%d\n", abs(-2147483647));
    div_t d = div(17, -5);
    ldiv_t ld = ldiv(-17L, 5L);
    printf("%d %d %ld %ld\n", d.quot, d.rem, ld.quot, ld.rem);
    return 0;
}
