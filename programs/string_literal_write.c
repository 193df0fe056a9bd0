/*
 * string_literal_write.c - an array copy can be changed, a string literal cannot.
 *
 * What it shows: the two ways of naming a string look alike but live in
 * different segments:
 *
 *     char copy[] = "hello";   an ARRAY on the stack, filled with a copy of
 *                              the characters: yours to change
 *     char *lit = "hello";     a POINTER on the stack to the literal itself,
 *                              which is in rodata: read-only
 *
 * This program is EXPECTED TO FAULT on the write through lit. segvm
 * reports a write to read-only memory in rodata, with the address and the
 * source line. Under gcc it dies with "Segmentation fault".
 *
 * Try:  segvm run string_literal_write.c
 *       segvm map string_literal_write.c    the rodata segment
 */
#include <stdio.h>
#ifdef __segvm__
#include <segvm.h>
#endif

int main(void)
{
    char copy[] = "hello";   /* stack: 6 bytes, h e l l o and the final '\0' */
    char *lit = "hello";     /* stack: the pointer; rodata: the characters */

    printf("copy is at %p, lit points to %p\n", (void *)copy, (void *)lit);
#ifdef __segvm__
    printf("copy is in %s, lit points into %s\n",
           segvm_segment(copy), segvm_segment(lit));
#endif

    copy[0] = 'J';           /* fine: the array is ordinary stack memory */
    printf("after copy[0] = 'J': copy is \"%s\"\n", copy);

    printf("now trying lit[0] = 'J' ...\n");
    lit[0] = 'J';            /* FAULT: the literal is in read-only rodata */
    printf("not reached: lit is \"%s\"\n", lit);
    return 0;
}
