/* strtol, strtoul, strtod with end pointers and bases */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    char *end;
    long v = strtol("  123xyz", &end, 10);
    printf("%ld [%s]\n", v, end);
    printf("%ld %ld %ld\n", strtol("ff", NULL, 16), strtol("0x1A", NULL, 16), strtol("0x1A", NULL, 0));
    printf("%ld %ld %ld\n", strtol("0777", NULL, 0), strtol("-101", NULL, 2), strtol("zz", NULL, 36));
    v = strtol("abc", &end, 10);
    printf("%ld %d\n", v, *end == 'a');
    printf("%lu\n", strtoul("4294967296", NULL, 10));
    printf("%lld\n", strtoll("-9223372036854775807", NULL, 10));
    double d = strtod("2.5e2rest", &end);
    printf("%.1f [%s]\n", d, end);
    v = strtol("  +77", &end, 8);
    printf("%ld %d\n", v, *end);
    return 0;
}
