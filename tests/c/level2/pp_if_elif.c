/* #if / #elif / #else with arithmetic conditions */
#include <stdio.h>

#define LEVEL 3

int main(void) {
#if LEVEL == 1
    printf("one\n");
#elif LEVEL == 2
    printf("two\n");
#elif LEVEL == 3 && (4 / 2 == 2)
    printf("three\n");
#else
    printf("other\n");
#endif
#if 0
    this is not compiled at all ~!@
#else
    printf("else branch\n");
#endif
#if (1 << 4) != 16 || -1 > 0
    printf("bad\n");
#elif UNDEFINED_NAME
    printf("bad2\n");
#else
    printf("undefined names are 0\n");
#endif
#if 0x10 + 010 == 24 && 'A' == 65 && (2 ? 5 : 6) == 5
    printf("constant exprs\n");
#endif
#if LEVEL > 1
#  if LEVEL > 2
    printf("nested\n");
#  endif
#endif
    return 0;
}
