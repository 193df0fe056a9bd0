/*
 * segments_tour.c - one object in every segment, printed in address order.
 *
 * What it shows: where each kind of object lives. The addresses grow in
 * this order:
 *
 *     text < rodata < data < bss < heap  . . . gap . . .  stack
 *     (low addresses)                              (high addresses)
 *
 * Under segvm each line also names the segment, using the helper
 * segvm_segment(). Under gcc the numbers are different (and change from
 * run to run), but the order is the same.
 *
 * Try:  segvm run segments_tour.c    the addresses and segment names
 *       segvm map segments_tour.c    the map of all the segments
 */
#include <stdio.h>
#include <stdlib.h>
#ifdef __segvm__
#include <segvm.h>   /* only segvm has this header */
#endif

int initialized_global = 42;   /* data: a global with a non-zero initial value */
int zeroed_global;             /* bss: a global with no initializer starts as 0 */

/* Print one line: a description, an address and (under segvm) its segment. */
static void show(const char *what, const void *address)
{
    printf("%-32s %p", what, address);
#ifdef __segvm__
    printf("  is in %s", segvm_segment(address));
#endif
    printf("\n");
}

int main(void)
{
    static int static_local = 7;   /* data: a static local lives as long as the
                                      program, just like a global */
    int local = 1;                 /* stack: in main's frame */
    /* literal: the pointer is on the stack, the characters are in rodata */
    const char *literal = "a string literal";
    /* block: the pointer is on the stack, the int it points to is on the heap */
    int *block = malloc(sizeof *block);
    /* C does not allow converting a function's address straight to void *,
       so we go through an integer type that is as wide as a pointer. */
    const void *code = (const void *)(unsigned long)main;
    unsigned long t, r, d1, d2, b, h, s;   /* the addresses as numbers */

    if (block == NULL) {
        printf("malloc failed\n");
        return 1;
    }
    *block = local + static_local + initialized_global + zeroed_global;

    show("main (a function)", code);
    show("\"a string literal\"", literal);
    show("initialized_global", &initialized_global);
    show("static_local (static, = 7)", &static_local);
    show("zeroed_global (no initializer)", &zeroed_global);
    show("*block (from malloc)", block);
    show("local (in main's frame)", &local);

    /* Check the order by comparing the addresses as numbers. The two data
       objects may come in either order: that is up to the compiler. */
    t = (unsigned long)code;
    r = (unsigned long)literal;
    d1 = (unsigned long)&initialized_global;
    d2 = (unsigned long)&static_local;
    b = (unsigned long)&zeroed_global;
    h = (unsigned long)block;
    s = (unsigned long)&local;
    printf("text < rodata < data < bss < heap < stack: %s\n",
           (t < r && r < d1 && r < d2 && d1 < b && d2 < b && b < h && h < s)
               ? "yes" : "no");

    free(block);
    return 0;
}
