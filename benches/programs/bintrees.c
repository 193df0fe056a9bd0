/* Binary trees with malloc/free: allocate many complete binary trees of several depths,
   walk each one to count its nodes, and free it; one long-lived tree stays allocated
   throughout. Measures allocation, deallocation and pointer-chasing recursion. */
#include <stdio.h>
#include <stdlib.h>

#define MIN_DEPTH 4
#define MAX_DEPTH 15

struct node {
    struct node *left, *right;
};

static struct node *build(int depth) {
    struct node *n = malloc(sizeof *n);
    if (n == NULL) {
        printf("out of memory\n");
        exit(1);
    }
    if (depth > 0) {
        n->left = build(depth - 1);
        n->right = build(depth - 1);
    } else {
        n->left = NULL;
        n->right = NULL;
    }
    return n;
}

static unsigned int count(const struct node *n) {
    if (n->left == NULL)
        return 1u;
    return 1u + count(n->left) + count(n->right);
}

static void release(struct node *n) {
    if (n->left != NULL) {
        release(n->left);
        release(n->right);
    }
    free(n);
}

int main(void) {
    unsigned int h = 0u;
    struct node *stretch, *keep;
    int depth;

    stretch = build(MAX_DEPTH + 1);
    h = h * 31u + count(stretch);
    release(stretch);

    keep = build(MAX_DEPTH);
    for (depth = MIN_DEPTH; depth <= MAX_DEPTH; depth += 2) {
        int iterations = 3 << (MAX_DEPTH - depth + MIN_DEPTH - 1);
        unsigned int total = 0u;
        int i;
        for (i = 0; i < iterations; i++) {
            struct node *t = build(depth);
            total += count(t);
            release(t);
        }
        h = h * 31u + total;
    }
    h = h * 31u + count(keep);
    release(keep);
    printf("%u\n", h);
    return 0;
}
