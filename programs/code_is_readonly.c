/*
 * code_is_readonly.c - code can be read, but not written.
 *
 * What it shows: a function is just bytes in the text segment, and it has
 * an address like any other object. The program reads the first byte of
 * a function's code, then tries to overwrite it. Text is read-only, so
 * the program cannot change itself after it was compiled. (On a
 * microcontroller the code sits in FLASH, which ordinary stores cannot
 * change either.)
 *
 * This program is EXPECTED TO FAULT on the write. segvm reports a write to
 * read-only memory in text. Under gcc it dies with "Segmentation fault".
 * The byte value differs: segvm's text holds bytecode, gcc's holds x86 (or
 * other) machine code.
 *
 * Try:  segvm run code_is_readonly.c
 *       segvm disasm code_is_readonly.c    the bytecode of answer() in text
 */
#include <stdio.h>

static int answer(void)
{
    return 42;
}

int main(void)
{
    /* C does not allow converting a function's address straight to a data
       pointer, so we go through an integer type as wide as a pointer. */
    unsigned char *code = (unsigned char *)(unsigned long)answer;

    printf("answer() returns %d\n", answer());
    printf("answer's code starts at %p\n", (void *)code);
    printf("its first byte is 0x%02x (reading code is allowed)\n", code[0]);

    printf("now trying to overwrite that byte ...\n");
    code[0] = 0;             /* FAULT: text is read-only */
    printf("not reached: answer() returns %d\n", answer());
    return 0;
}
