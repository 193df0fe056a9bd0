/* invalid: a register array passed to a function decays to its address */
#include <string.h>

int main(void) {
    register char s[8] = "abc";
    return (int)strlen(s) - 3; // ERROR
}
