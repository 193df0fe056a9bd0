/*
 * heap_exhaustion.c - malloc 1 MiB blocks until malloc returns NULL.
 *
 * What it shows: the heap grows UP from the end of bss, toward the stack.
 * When the next block would run into the stack, malloc does not crash:
 * it returns NULL, and a careful program checks for that.
 *
 * In segvm the whole address space is 16 MiB, so the program gets only
 * about 10 to 15 blocks. On a PC (under gcc) malloc almost never fails,
 * so the loop stops at a cap of MAX_BLOCKS blocks instead of running on.
 * (A real C library also hands out big blocks like these from a separate
 * mapped area, so under gcc their addresses may even go DOWN. segvm has one
 * simple heap, so there you see every block above the previous one.)
 *
 * Try:  segvm run heap_exhaustion.c
 *       segvm map heap_exhaustion.c    where the heap starts and the stack ends
 */
#include <stdio.h>
#include <stdlib.h>

#define BLOCK_SIZE (1024 * 1024)   /* 1 MiB */
#define MAX_BLOCKS 64              /* the cap, so that it also ends under gcc */

/* bss: the table of pointers is a global. The blocks themselves are on
   the heap; this table only remembers where they are. */
static char *blocks[MAX_BLOCKS];

int main(void)
{
    int count = 0;          /* stack: a local of main */
    int got_null = 0;
    int i;

    printf("asking for 1 MiB blocks until malloc returns NULL (at most %d)\n",
           MAX_BLOCKS);
    while (count < MAX_BLOCKS) {
        char *p = malloc(BLOCK_SIZE);
        if (p == NULL) {
            got_null = 1;
            break;
        }
        /* Touch the first and the last byte: the whole block is ours. */
        p[0] = 'a';
        p[BLOCK_SIZE - 1] = 'z';
        blocks[count] = p;
        count++;
        /* Print the first 16 blocks, then only every 16th (a short output). */
        if (count <= 16 || count % 16 == 0)
            printf("block %2d at %p\n", count, (void *)p);
    }

    printf("got %d blocks of 1 MiB\n", count);
    if (got_null)
        printf("malloc returned NULL: the next block would have hit the stack\n");
    else
        printf("stopped at the cap of %d blocks; malloc never returned NULL\n",
               MAX_BLOCKS);
    printf("the stack is above them all: count is at %p\n", (void *)&count);

    for (i = 0; i < count; i++)
        free(blocks[i]);
    printf("freed all %d blocks\n", count);
    return 0;
}
