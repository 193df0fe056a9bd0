/* program: merge sort of a singly linked list */
#include <stdio.h>
#include <stdlib.h>

struct Node { int v; struct Node *next; };

static struct Node *merge(struct Node *a, struct Node *b) {
    struct Node head, *t = &head;
    while (a && b) {
        if (a->v <= b->v) { t->next = a; a = a->next; }
        else { t->next = b; b = b->next; }
        t = t->next;
    }
    t->next = a ? a : b;
    return head.next;
}

static struct Node *sort(struct Node *h) {
    if (!h || !h->next) return h;
    struct Node *slow = h, *fast = h->next;
    while (fast && fast->next) { slow = slow->next; fast = fast->next->next; }
    struct Node *second = slow->next;
    slow->next = NULL;
    return merge(sort(h), sort(second));
}

static struct Node *push(struct Node *h, int v) {
    struct Node *n = malloc(sizeof *n);
    n->v = v;
    n->next = h;
    return n;
}

static void print(const struct Node *h) {
    for (; h; h = h->next) printf("%d ", h->v);
    printf("\n");
}

static void destroy(struct Node *h) { while (h) { struct Node *n = h->next; free(h); h = n; } }

int main(void) {
    struct Node *list = NULL;
    int i;
    unsigned x = 7;
    for (i = 0; i < 25; i++) { x = x * 1664525u + 1013904223u; list = push(list, (int)(x >> 24) - 128); }
    print(list);
    list = sort(list);
    print(list);
    int ok = 1, n = 0;
    struct Node *p;
    for (p = list; p; p = p->next, n++) if (p->next && p->v > p->next->v) ok = 0;
    printf("sorted=%d n=%d\n", ok, n);
    destroy(list);
    list = NULL;
    for (i = 0; i < 1000; i++) list = push(list, (i * 7) % 1000);
    list = sort(list);
    ok = 1;
    for (p = list, i = 0; p; p = p->next, i++) if (p->v != i) ok = 0;
    printf("1000 sorted=%d\n", ok);
    destroy(list);
    printf("%d\n", sort(NULL) == NULL);
    return 0;
}
