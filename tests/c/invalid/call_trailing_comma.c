/* invalid: a trailing comma in a function call's argument list */
#include <stdio.h>

int main(void) {
    int n = 3;
    printf("%d\n", n, ); // ERROR
    return 0;
}
