/*
 * sieve.c - the sieve of Eratosthenes finds the prime numbers.
 *
 * What it shows: a big global array used as a table of flags. Because it
 * has no initializer it lives in bss and starts as all zeros, which here
 * means "not crossed out yet". Starting from 2, every multiple of a prime
 * is crossed out; what is left are the primes.
 *
 * Try:  segvm run sieve.c
 *       segvm map sieve.c    the 1001-byte table is in bss
 */
#include <stdio.h>

#define LIMIT 1000

static char crossed_out[LIMIT + 1];   /* bss: all 0 when main starts */

int main(void)
{
    int i, j;
    int count = 0;

    for (i = 2; i * i <= LIMIT; i++)
        if (!crossed_out[i])
            for (j = i * i; j <= LIMIT; j += i)   /* smaller multiples are done */
                crossed_out[j] = 1;

    printf("primes below 100:\n");
    for (i = 2; i < 100; i++) {
        if (!crossed_out[i]) {
            printf("%3d", i);
            count++;
            if (count % 10 == 0)
                printf("\n");
        }
    }
    printf("\n");

    count = 0;
    for (i = 2; i <= LIMIT; i++)
        if (!crossed_out[i])
            count++;
    printf("there are %d primes up to %d; the largest is ", count, LIMIT);
    for (i = LIMIT; crossed_out[i]; i--)
        ;
    printf("%d\n", i);
    return 0;
}
