/* In a small RAM the heap and the stack share what data and bss leave. malloc returns
   NULL when the next block would reach the stack; a recursion after that runs the stack
   into the heap's break: a stack overflow. */
#include <stdio.h>
#include <stdlib.h>

static int down(int n) {
    char buf[64];
    buf[0] = (char)n;
    return down(n + 1) + buf[0];
}

int main(void) {
    int blocks = 0;
    while (malloc(1024) != NULL)
        blocks++;
    printf("malloc returned NULL after %d blocks of 1 KiB\n", blocks);
    return down(0);
}
