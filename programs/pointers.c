/*
 * pointers.c - a pointer is a variable that holds an address.
 *
 * What it shows:
 *   - &x gives the address of x, *p reads or writes what p points to;
 *   - a function can change its caller's variables through pointers (swap);
 *   - pointer arithmetic: p + 1 points to the NEXT element, which is
 *     sizeof(element) bytes further on;
 *   - a pointer to a pointer;
 *   - NULL means "points nowhere"; in segvm the first 4 KiB (the null
 *     guard) are never mapped, so using a NULL pointer faults at once.
 * The output does not depend on where things are, only on what they hold.
 *
 * Try:  segvm run pointers.c
 */
#include <stdio.h>

/* a and b hold the addresses of the caller's variables (on the caller's
   stack frame), so swap can change them. */
static void swap(int *a, int *b)
{
    int tmp = *a;
    *a = *b;
    *b = tmp;
}

/* Without pointers a function only gets copies: this changes nothing. */
static void swap_copies(int a, int b)
{
    int tmp = a;
    a = b;
    b = tmp;
}

int main(void)
{
    int x = 10;
    int y = 20;
    int *p = &x;                    /* p holds the address of x */
    int **pp = &p;                  /* pp holds the address of p */
    int primes[5] = {2, 3, 5, 7, 11};
    int *q;
    int *missing = NULL;

    printf("x = %d, *p = %d, **pp = %d\n", x, *p, **pp);
    *p = 15;                        /* writes into x */
    printf("after *p = 15: x = %d\n", x);
    *pp = &y;                       /* changes p itself: now it points to y */
    printf("after *pp = &y: *p = %d\n", *p);

    swap_copies(x, y);
    printf("after swap_copies: x = %d, y = %d (unchanged)\n", x, y);
    swap(&x, &y);
    printf("after swap:        x = %d, y = %d\n", x, y);

    /* An array name used in an expression is the address of element 0. */
    q = primes;
    printf("*q = %d, *(q + 3) = %d, q[4] = %d\n", *q, *(q + 3), q[4]);
    printf("the elements are %d bytes apart\n",
           (int)((char *)(q + 1) - (char *)q));
    for (q = primes; q < primes + 5; q++)
        printf("element %d is %d\n", (int)(q - primes), *q);

    if (missing == NULL)
        printf("missing is NULL: we must not use *missing\n");
    return 0;
}
