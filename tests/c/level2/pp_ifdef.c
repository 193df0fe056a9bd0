/* #ifdef / #ifndef */
#include <stdio.h>

#define DEBUG 1

int main(void) {
#ifdef DEBUG
    printf("debug on\n");
#endif
#ifndef RELEASE
    printf("not release\n");
#else
    printf("release\n");
#endif
#ifdef RELEASE
    printf("bad\n");
#endif
#ifdef __STDC__
    printf("stdc %d\n", __STDC__);
#endif
    printf("%ld\n", __STDC_VERSION__);
    return 0;
}
