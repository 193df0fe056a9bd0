/*
 * toward_each_other.c - the heap grows up, the stack grows down.
 *
 * What it shows: the free space between the heap and the stack (the gap)
 * is shared by both. At every step the program mallocs a 64 KiB block
 * (the heap grows UP) and makes one more nested call whose frame holds a
 * 32 KiB local array (the stack grows DOWN). The gap shrinks from both
 * sides, by about 96 KiB per step. If it reached 0, either malloc would
 * return NULL or the next call would be a stack overflow.
 *
 * Under gcc the numbers are much bigger (a PC leaves a huge gap), but they
 * shrink the same way.
 *
 * Try:  segvm run toward_each_other.c
 *       segvm map toward_each_other.c    the heap, the gap and the stack
 */
#include <stdio.h>
#include <stdlib.h>

#define STEPS 8
#define HEAP_STEP (64 * 1024)     /* bytes malloc'ed at every step */
#define STACK_STEP (32 * 1024)    /* bytes of local array in every frame */

static char *blocks[STEPS];       /* bss: where the heap blocks are */

static void step(int n)
{
    char filler[STACK_STEP];      /* stack: makes this frame 32 KiB big */
    char *heap_end;
    unsigned long gap;

    blocks[n] = malloc(HEAP_STEP);    /* heap: 64 KiB more */
    if (blocks[n] == NULL) {
        printf("step %d: malloc returned NULL\n", n + 1);
        return;
    }
    filler[0] = (char)n;
    heap_end = blocks[n] + HEAP_STEP; /* just past the end of the block */
    gap = (unsigned long)filler - (unsigned long)heap_end;
    printf("step %d: heap block ends at %p, frame at %p, gap %lu KiB\n",
           n + 1, (void *)heap_end, (void *)filler, gap / 1024);

    if (n + 1 < STEPS)
        step(n + 1);              /* one frame deeper: the stack grows */
    free(blocks[n]);              /* on the way back, give the block back */
    blocks[n] = NULL;
}

int main(void)
{
    step(0);
    printf("all frames returned and all blocks were freed\n");
    return 0;
}
