/*
 * touch_all.c - writes to (nearly) every byte of its address space, to measure the most
 * memory segvm's process can take for a given --mem (benches/compile_time.py).
 *
 * First a recursion writes a 4 KiB local array in every frame until STACK_KIB KiB of
 * stack are in use. Once it has unwound, the heap grows in 64 KiB blocks, then 4 KiB
 * blocks, each written as soon as it is allocated, until malloc returns NULL: the break
 * then stands just below the stack. Prints the KiB it wrote, then frees the blocks.
 *
 * usage: segvm run --mem SIZE touch_all.c -- STACK_KIB
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes a frame of 4 KiB and recurses until `kib` KiB are used; returns a checksum so
   that the writes matter. */
static unsigned long deep(long kib)
{
    char frame[4096];
    unsigned long sum;
    memset(frame, (int)(kib & 0x7f), sizeof frame);
    if (kib <= 4)
        return (unsigned long)frame[kib];
    sum = deep(kib - 4);
    return sum + (unsigned long)frame[kib % 4096];
}

/* Allocates blocks of `size` bytes until malloc fails, writing each and chaining it onto
   `*list` (through its first bytes); returns how many. */
static long fill_heap(size_t size, void **list)
{
    long blocks = 0;
    char *p;
    while ((p = malloc(size)) != NULL) {
        memset(p, 0x5a, size);
        memcpy(p, list, sizeof *list);
        *list = p;
        blocks++;
    }
    return blocks;
}

int main(int argc, char **argv)
{
    long stack_kib, big, small;
    unsigned long sum;
    void *list = NULL;
    if (argc != 2 || (stack_kib = atol(argv[1])) < 4) {
        fprintf(stderr, "usage: touch_all STACK_KIB (at least 4)\n");
        return 2;
    }
    sum = deep(stack_kib);
    big = fill_heap(64 * 1024, &list);
    small = fill_heap(4 * 1024, &list);
    printf("stack %ld KiB (checksum %lu), heap %ld KiB\n", stack_kib, sum,
           big * 64 + small * 4);
    while (list != NULL) {
        void *next;
        memcpy(&next, list, sizeof next);
        free(list);
        list = next;
    }
    return 0;
}
