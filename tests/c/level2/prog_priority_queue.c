/* program: binary min-heap priority queue used for task scheduling */
#include <stdio.h>
#include <stdlib.h>

struct Task { int prio; int id; };
struct Heap { struct Task *a; int n, cap; };

static int less(struct Task x, struct Task y) { return x.prio < y.prio || (x.prio == y.prio && x.id < y.id); }

static void swap(struct Task *x, struct Task *y) { struct Task t = *x; *x = *y; *y = t; }

static void push(struct Heap *h, struct Task t) {
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 4;
        h->a = realloc(h->a, h->cap * sizeof *h->a);
    }
    int i = h->n++;
    h->a[i] = t;
    while (i > 0 && less(h->a[i], h->a[(i - 1) / 2])) {
        swap(&h->a[i], &h->a[(i - 1) / 2]);
        i = (i - 1) / 2;
    }
}

static struct Task pop(struct Heap *h) {
    struct Task top = h->a[0];
    h->a[0] = h->a[--h->n];
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && less(h->a[l], h->a[m])) m = l;
        if (r < h->n && less(h->a[r], h->a[m])) m = r;
        if (m == i) break;
        swap(&h->a[i], &h->a[m]);
        i = m;
    }
    return top;
}

int main(void) {
    struct Heap h = { NULL, 0, 0 };
    int i;
    unsigned seed = 12345;
    for (i = 0; i < 20; i++) {
        seed = seed * 1103515245u + 12345u;
        struct Task t = { (int)((seed >> 16) % 50), i };
        push(&h, t);
    }
    while (h.n > 10) { struct Task t = pop(&h); printf("(%d,%d) ", t.prio, t.id); }
    printf("\n");
    for (i = 0; i < 5; i++) { struct Task t = { i * 3, 100 + i }; push(&h, t); }
    int last = -1, ok = 1;
    while (h.n) {
        struct Task t = pop(&h);
        if (t.prio < last) ok = 0;
        last = t.prio;
        printf("(%d,%d) ", t.prio, t.id);
    }
    printf("\nordered=%d cap=%d\n", ok, h.cap);
    free(h.a);
    return 0;
}
