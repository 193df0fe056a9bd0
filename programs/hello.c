/*
 * hello.c - the classic first program.
 *
 * What it shows: even the smallest C program uses three segments.
 *   - the code of main is in text (read-only),
 *   - the characters of "Hello, world!" are in rodata (read-only),
 *   - main's frame (return address, saved frame pointer) is on the stack.
 *
 * Try:  segvm run hello.c       runs it
 *       segvm disasm hello.c    shows the bytecode of main, which lives in text
 */
#include <stdio.h>

int main(void)
{
    /* The string literal is stored once, in rodata. printf receives only
       its address, not a copy of the characters. */
    printf("Hello, world!\n");
    return 0;
}
