/* limits.h values on LP64 */
#include <stdio.h>
#include <limits.h>

int main(void) {
    printf("%d %d %d %d %d\n", CHAR_BIT, SCHAR_MIN, SCHAR_MAX, UCHAR_MAX, MB_LEN_MAX > 0);
    printf("%d %d %d\n", CHAR_MIN, CHAR_MAX, USHRT_MAX);
    printf("%d %d\n", SHRT_MIN, SHRT_MAX);
    printf("%d %d %u\n", INT_MIN, INT_MAX, UINT_MAX);
    printf("%ld %ld %lu\n", LONG_MIN, LONG_MAX, ULONG_MAX);
    printf("%lld %lld %llu\n", LLONG_MIN, LLONG_MAX, ULLONG_MAX);
    return 0;
}
