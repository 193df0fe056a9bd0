/* invalid: an array member of a volatile struct decays to a pointer to volatile */
#include <string.h>

struct word { char text[16]; };

int main(void) {
    volatile struct word w = { "hello" };
    return (int)strlen(w.text); // ERROR
}
