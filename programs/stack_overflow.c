/*
 * stack_overflow.c - recursion with no end, until the stack runs out.
 *
 * What it shows: every call gets a new frame on the stack, and the stack
 * grows DOWN, toward the heap. Each frame here holds a 100-byte local
 * array, so the stack is used up quickly. Every 512 KiB the program prints
 * the depth and the address of a local: the addresses keep getting smaller.
 *
 * This program is EXPECTED TO FAULT. segvm stops it with a stack overflow
 * when the stack meets the heap, and prints the faulting address, the
 * source line and the backtrace. Under gcc it dies with "Segmentation
 * fault" (and if its output goes to a pipe, the last lines still waiting
 * in the output buffer are lost).
 *
 * Try:  segvm run stack_overflow.c
 *       segvm map stack_overflow.c    how far apart the heap and the stack start
 */
#include <stdio.h>

#define REPORT_EVERY (512UL * 1024UL)   /* print a line per 512 KiB of stack */

/* 0 means "no limit". Set it to, say, 1000 and the recursion stops early:
   no overflow. (A global, so it lives in data or bss, not on the stack.) */
static int max_depth = 0;

static unsigned long stack_start;   /* bss: address of the first frame's local */
static unsigned long next_report;   /* bss: stack usage of the next report */

/* caller_local points at the local array of the calling frame, so that we
   can measure how far apart two neighbouring frames are. */
static int dive(int depth, const char *caller_local)
{
    char local[100];                 /* stack: 100 bytes in every frame */
    unsigned long here = (unsigned long)local;

    local[0] = (char)(depth % 100);
    if (caller_local == NULL) {
        stack_start = here;
        next_report = 0;
    }
    if (stack_start - here >= next_report) {
        printf("depth %6d: local at %p, %5lu KiB of stack used",
               depth, (void *)local, (stack_start - here) / 1024);
        if (caller_local != NULL)
            printf(", %lu bytes per frame", (unsigned long)caller_local - here);
        printf("\n");
        next_report += REPORT_EVERY;
    }
    if (max_depth != 0 && depth >= max_depth)
        return local[0];
    /* Passing our local's address down keeps this frame alive while the
       deeper calls run: the call cannot be turned into a loop. */
    return dive(depth + 1, local) + local[0];
}

int main(void)
{
    int result = dive(1, NULL);
    printf("the recursion ended normally (result %d)\n", result);
    return 0;
}
