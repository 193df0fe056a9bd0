/* A tight integer loop: arithmetic on locals, a compare and a branch per iteration. */
#include <stdio.h>

int main(void) {
    unsigned int h = 2166136261u;
    int i;
    for (i = 0; i < 100000000; i++) {
        h = (h ^ (unsigned int)i) * 16777619u;
        h += (unsigned int)(i & 7);
    }
    printf("%u\n", h);
    return 0;
}
