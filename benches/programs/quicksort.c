/* Quicksort: an int array filled by a linear congruential generator, sorted with a
   hand-written recursive quicksort (Hoare partition around the middle element),
   then checked and hashed. Several rounds with different seeds. */
#include <stdio.h>

#define N 250000
#define ROUNDS 10

static int v[N];

static void quicksort(int *a, int lo, int hi) {
    int i = lo, j = hi;
    int pivot = a[lo + (hi - lo) / 2];
    while (i <= j) {
        while (a[i] < pivot)
            i++;
        while (a[j] > pivot)
            j--;
        if (i <= j) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
            i++;
            j--;
        }
    }
    if (lo < j)
        quicksort(a, lo, j);
    if (i < hi)
        quicksort(a, i, hi);
}

int main(void) {
    unsigned int seed = 20240601u, h = 0u;
    int round, i, unsorted = 0;
    for (round = 0; round < ROUNDS; round++) {
        for (i = 0; i < N; i++) {
            seed = seed * 1103515245u + 12345u;
            v[i] = (int)((seed >> 8) & 0xffffffu);
        }
        quicksort(v, 0, N - 1);
        for (i = 1; i < N; i++)
            if (v[i - 1] > v[i])
                unsorted++;
        for (i = 0; i < N; i += 7)
            h = h * 31u + (unsigned int)v[i];
    }
    printf("%u %d\n", h, unsorted);
    return 0;
}
