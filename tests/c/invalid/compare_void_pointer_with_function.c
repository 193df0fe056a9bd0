/* invalid: comparing a 'void *' with a function pointer */
#include <stdlib.h>

static int work(void) { return 0; }

int main(void) {
    void *p = malloc(1);
    int same = p == work; // ERROR
    free(p);
    return same;
}
