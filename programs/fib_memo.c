/*
 * fib_memo.c - Fibonacci numbers, slow and fast, with a memo table on the heap.
 *
 * What it shows: the plain recursive fib(n) calls itself again and again
 * for the same n, so the number of calls explodes. Remembering every answer
 * in a table ("memoization") makes each fib(n) computed only once.
 * The table is allocated with calloc: it lives on the heap, and calloc
 * fills it with zeros, which here means "not computed yet".
 *
 * Try:  segvm run fib_memo.c
 */
#include <stdio.h>
#include <stdlib.h>

#define N 46                      /* fib(46) is the largest that fits in an int */

static long slow_calls = 0;       /* bss */
static long fast_calls = 0;       /* bss */

static int slow_fib(int n)
{
    slow_calls++;
    if (n < 2)
        return n;
    return slow_fib(n - 1) + slow_fib(n - 2);
}

/* memo points to a heap table of n + 1 ints; memo[k] == 0 means unknown. */
static int fast_fib(int n, int *memo)
{
    fast_calls++;
    if (n < 2)
        return n;
    if (memo[n] == 0)
        memo[n] = fast_fib(n - 1, memo) + fast_fib(n - 2, memo);
    return memo[n];
}

int main(void)
{
    int *memo = calloc(N + 1, sizeof *memo);   /* heap: N + 1 zeroed ints */
    int n, result;

    if (memo == NULL) {
        printf("calloc failed\n");
        return 1;
    }

    /* Call first, print after: C does not say in which order the
       arguments of printf are evaluated. */
    result = slow_fib(20);
    printf("slow_fib(20) = %d after %ld calls\n", result, slow_calls);
    result = fast_fib(20, memo);
    printf("fast_fib(20) = %d after %ld calls\n", result, fast_calls);

    fast_calls = 0;
    result = fast_fib(N, memo);   /* reuses the answers up to fib(20) */
    printf("fast_fib(%d) = %d after %ld more calls\n", N, result, fast_calls);

    printf("the table now holds:\n");
    for (n = 0; n <= N; n++) {
        printf("%11d", n < 2 ? n : memo[n]);
        if (n % 6 == 5)
            printf("\n");
    }
    printf("\n");

    free(memo);                   /* give the table back to the heap */
    return 0;
}
