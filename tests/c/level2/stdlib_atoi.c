/* atoi, atol, atof parse leading numbers */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("%d %d %d %d\n", atoi("42"), atoi("  -17abc"), atoi("+8"), atoi("x1"));
    printf("%d\n", atoi("0012"));
    printf("%ld %ld\n", atol("1234567890123"), atol("-99"));
    printf("%lld\n", atoll("-9000000000000"));
    printf("%.3f %.3f\n", atof("3.14159"), atof("-1e3"));
    return 0;
}
