/* the defined operator in #if */
#include <stdio.h>

#define FOO
#define BAR 0

int main(void) {
#if defined(FOO) && defined BAR
    printf("both\n");
#endif
#if !defined(BAZ)
    printf("no baz\n");
#endif
#if defined(BAR) && BAR
    printf("bar true\n");
#else
    printf("bar defined but zero\n");
#endif
#if defined FOO || defined(BAZ)
    printf("or\n");
#endif
    return 0;
}
