/* A write one int past a 16-byte block, with another block allocated after it: the
   reports must name the block the write overran, not its neighbour. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *p = malloc(4 * sizeof *p);
    char *next = malloc(10);
    p[4] = 1;
    free(p);
    free(next);
    puts("not reached");
    return 0;
}
