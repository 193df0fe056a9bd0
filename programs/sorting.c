/*
 * sorting.c - insertion sort, step by step, and quicksort.
 *
 * What it shows: two classic ways to sort an int array in place.
 *   - insertion sort takes the next element and slides it left until it
 *     is in place; we print the array after every step;
 *   - quicksort picks a pivot, moves smaller elements to its left and
 *     bigger ones to its right, then sorts both sides by recursion. Each
 *     recursive call has its own frame on the stack with its own lo, hi
 *     and i; the deepest recursion is printed at the end.
 * An array passed to a function is passed as a pointer to its first
 * element, so the function sorts the caller's array, not a copy.
 *
 * Try:  segvm run sorting.c
 */
#include <stdio.h>

#define N 20

static int deepest = 0;           /* bss: deepest quicksort recursion seen */

static void print_items(const int *a, int n)
{
    int i;
    for (i = 0; i < n; i++)
        printf(" %2d", a[i]);
    printf("\n");
}

static void print_array(const char *label, const int *a, int n)
{
    printf("%-8s", label);
    print_items(a, n);
}

static void insertion_sort(int *a, int n)
{
    int i, j;
    for (i = 1; i < n; i++) {
        int key = a[i];
        for (j = i - 1; j >= 0 && a[j] > key; j--)
            a[j + 1] = a[j];      /* shift bigger elements one step right */
        a[j + 1] = key;
        printf("step %d: ", i);
        print_items(a, n);
    }
}

static void swap(int *a, int *b)
{
    int t = *a;
    *a = *b;
    *b = t;
}

/* Sort a[lo..hi] (both ends included). */
static void quicksort(int *a, int lo, int hi, int depth)
{
    int pivot, i, j;
    if (depth > deepest)
        deepest = depth;
    if (lo >= hi)
        return;
    pivot = a[hi];                /* last element as the pivot */
    i = lo;
    for (j = lo; j < hi; j++)
        if (a[j] < pivot)
            swap(&a[i++], &a[j]);
    swap(&a[i], &a[hi]);          /* the pivot goes to its final place */
    quicksort(a, lo, i - 1, depth + 1);
    quicksort(a, i + 1, hi, depth + 1);
}

int main(void)
{
    int small[8] = {31, 4, 15, 9, 26, 5, 3, 58};   /* stack: main's frame */
    int big[N];
    unsigned int seed = 2024;
    int i, sorted = 1;

    print_array("start:", small, 8);
    insertion_sort(small, 8);

    /* Fill big with "random" numbers from a simple generator. Unsigned
       arithmetic wraps around, so the numbers are the same on every machine. */
    for (i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        big[i] = (int)((seed >> 16) % 100);
    }
    print_array("before:", big, N);
    quicksort(big, 0, N - 1, 1);
    print_array("after:", big, N);

    for (i = 1; i < N; i++)
        if (big[i - 1] > big[i])
            sorted = 0;
    printf("sorted: %s, deepest recursion: %d calls\n", sorted ? "yes" : "no",
           deepest);
    return 0;
}
