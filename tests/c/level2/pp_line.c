/* __LINE__ and __FILE__-free line tracking, #line */
#include <stdio.h>

#define HERE __LINE__

int main(void) {
    printf("%d\n", __LINE__);
    printf("%d\n", HERE);
    int a = __LINE__,
        b = __LINE__;
    printf("%d %d\n", a, b);
#line 1000
    printf("%d\n", __LINE__);
    printf("%d\n", __LINE__);
    return 0;
}
