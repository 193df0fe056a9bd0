/*
 * dynamic_array.c - an array that grows with realloc.
 *
 * What it shows: a struct keeps a pointer to a heap block plus its size
 * (elements used) and capacity (elements room for). When it is full, the
 * capacity is doubled with realloc. realloc may MOVE the block to a new
 * place on the heap (copying the old elements), so we must always use the
 * pointer it returns, and never an old one. Doubling means only a few
 * reallocs are needed even for many elements.
 *
 * Try:  segvm run dynamic_array.c
 */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    int *data;                    /* heap: the elements */
    int size;                     /* how many are used */
    int capacity;                 /* how many fit before we must grow */
} IntArray;                       /* the struct itself is a local in main */

static void push(IntArray *a, int value)
{
    if (a->size == a->capacity) {
        int new_capacity = a->capacity == 0 ? 1 : a->capacity * 2;
        /* Keep the result in a new variable: if realloc fails it returns
           NULL but the old block is still ours (and must still be freed). */
        int *bigger = realloc(a->data, (size_t)new_capacity * sizeof *bigger);
        if (bigger == NULL) {
            printf("out of memory\n");
            free(a->data);
            exit(1);
        }
        printf("grow: capacity %3d -> %3d (size %d)\n", a->capacity,
               new_capacity, a->size);
        a->data = bigger;
        a->capacity = new_capacity;
    }
    a->data[a->size++] = value;
}

int main(void)
{
    IntArray squares = {NULL, 0, 0};   /* stack: empty, no heap block yet */
    long sum = 0;
    int i;

    for (i = 1; i <= 100; i++)
        push(&squares, i * i);

    for (i = 0; i < squares.size; i++)
        sum += squares.data[i];
    printf("size %d, capacity %d\n", squares.size, squares.capacity);
    printf("first %d, last %d, sum %ld\n", squares.data[0],
           squares.data[squares.size - 1], sum);

    free(squares.data);           /* one free for the one block we hold */
    squares.data = NULL;
    squares.size = squares.capacity = 0;
    return 0;
}
