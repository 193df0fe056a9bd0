/* invalid: (p && q) is an int 0 here, but no null pointer constant */
#include <stddef.h>

int main(void) {
    int *p = (NULL && (char *)0); // ERROR
    return p != 0;
}
