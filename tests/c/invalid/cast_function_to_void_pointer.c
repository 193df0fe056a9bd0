/* invalid: a function cast to 'void *', which may hold only object pointers */
#include <stdio.h>

int main(void) {
    printf("%p\n", (void *)main); // ERROR
    return 0;
}
