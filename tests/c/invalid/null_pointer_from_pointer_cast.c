/* invalid: (unsigned char)NULL is an integer, but no null pointer constant */
#include <stddef.h>

int main(void) {
    char *title = 0;
    return title == (unsigned char)NULL; // ERROR
}
