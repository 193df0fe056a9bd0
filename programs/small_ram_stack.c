/*
 * small_ram_stack.c - a recursion that a PC shrugs off, and 8 KiB of RAM
 * does not.
 *
 * What it shows: on a microcontroller the stack is a part of a small RAM.
 * RAM holds data and bss at its bottom, the heap above them, and the stack,
 * which starts at the top of RAM and grows down. Each call of filter()
 * below takes a frame of about 100 bytes (a 64-byte local buffer, its
 * arguments, the return address and the saved frame pointer), so 100 calls
 * deep need about 10 KiB of stack.
 *
 * On a PC (and in segvm's default 16 MiB address space) that is nothing:
 * the program prints its result. In an 8 KiB RAM the stack runs into the
 * heap's break first, and segvm stops the program with a stack overflow
 * that names RAM. A real microcontroller has no such check: the stack
 * would silently overwrite the globals below it.
 *
 * Try:  segvm run small_ram_stack.c
 *       segvm run --layout embedded --ram 8K small_ram_stack.c
 *           the stack overflow, the depth it got to, the backtrace
 *       segvm map --layout embedded --ram 8K small_ram_stack.c
 *           how much of the RAM data and bss leave for the stack
 */
#include <stdio.h>

#define DEPTH 100

/* data (RAM, initial value in FLASH): how deep the recursion goes. */
int depth_limit = DEPTH;

/* A filter stage: smooths the samples in its own buffer, then hands the
   result to the next stage. Every stage is one more frame on the stack. */
static int filter(int stage, int input)
{
    int buffer[16];                  /* stack: 64 bytes in every frame */
    int i, sum = 0;

    for (i = 0; i < 16; i++) {
        buffer[i] = input + i * stage;
        sum += buffer[i];
    }
    if (stage % 20 == 0)
        printf("stage %3d: %d\n", stage, sum / 16);
    if (stage == depth_limit)
        return sum / 16;
    return filter(stage + 1, sum / 16 % 1000);
}

int main(void)
{
    printf("%d filter stages, one frame each\n", depth_limit);
    printf("result: %d\n", filter(1, 7));
    return 0;
}
