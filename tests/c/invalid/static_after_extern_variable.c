/* invalid: a static definition after a declaration with external linkage */
#include <stdio.h>

int main(void) {
    extern int later;
    printf("%d\n", later);
    return 0;
}

static int later = 99; // ERROR
