/*
 * binary_search.c - finding a value in a sorted array by halving.
 *
 * What it shows: compare with the middle element, then throw away the
 * half that cannot hold the value. 32 sorted elements need at most 6
 * looks instead of 32. The sorted table is a global with no initializer
 * (bss) that main fills in; the search bounds lo, mid and hi are locals in
 * the frame of binary_search.
 *
 * Try:  segvm run binary_search.c
 */
#include <stdio.h>

#define N 32

int table[N];                     /* bss: filled in by main */

/* Returns the index of key in a[0..n-1], or -1. Prints every look. */
static int binary_search(const int *a, int n, int key)
{
    int lo = 0;
    int hi = n - 1;
    int looks = 0;
    while (lo <= hi) {
        /* lo + (hi - lo) / 2 cannot overflow, (lo + hi) / 2 could */
        int mid = lo + (hi - lo) / 2;
        looks++;
        printf("  look %d: a[%d] = %d\n", looks, mid, a[mid]);
        if (a[mid] == key)
            return mid;
        if (a[mid] < key)
            lo = mid + 1;         /* key can only be in the upper half */
        else
            hi = mid - 1;         /* key can only be in the lower half */
    }
    return -1;
}

int main(void)
{
    int keys[4] = {21, 1, 94, 50};
    int i;

    for (i = 0; i < N; i++)
        table[i] = 3 * i + 1;     /* 1, 4, 7, ..., 94: sorted */

    for (i = 0; i < 4; i++) {
        int where;
        printf("searching for %d\n", keys[i]);
        where = binary_search(table, N, keys[i]);
        if (where >= 0)
            printf("  found at index %d\n", where);
        else
            printf("  not in the table\n");
    }
    return 0;
}
