/* program: binary search tree with insert, search, delete, traversals */
#include <stdio.h>
#include <stdlib.h>

struct Node { int key; struct Node *left, *right; };

static struct Node *insert(struct Node *n, int key) {
    if (!n) {
        n = malloc(sizeof *n);
        n->key = key;
        n->left = n->right = NULL;
    } else if (key < n->key) n->left = insert(n->left, key);
    else if (key > n->key) n->right = insert(n->right, key);
    return n;
}

static struct Node *min_node(struct Node *n) { while (n->left) n = n->left; return n; }

static struct Node *delete(struct Node *n, int key) {
    if (!n) return NULL;
    if (key < n->key) n->left = delete(n->left, key);
    else if (key > n->key) n->right = delete(n->right, key);
    else {
        if (!n->left || !n->right) {
            struct Node *child = n->left ? n->left : n->right;
            free(n);
            return child;
        }
        struct Node *m = min_node(n->right);
        n->key = m->key;
        n->right = delete(n->right, m->key);
    }
    return n;
}

static int contains(const struct Node *n, int key) {
    while (n) {
        if (key == n->key) return 1;
        n = key < n->key ? n->left : n->right;
    }
    return 0;
}

static void inorder(const struct Node *n) {
    if (!n) return;
    inorder(n->left);
    printf("%d ", n->key);
    inorder(n->right);
}

static void preorder(const struct Node *n) {
    if (!n) return;
    printf("%d ", n->key);
    preorder(n->left);
    preorder(n->right);
}

static int height(const struct Node *n) {
    if (!n) return 0;
    int l = height(n->left), r = height(n->right);
    return 1 + (l > r ? l : r);
}

static int count(const struct Node *n) { return n ? 1 + count(n->left) + count(n->right) : 0; }

static void freetree(struct Node *n) {
    if (!n) return;
    freetree(n->left);
    freetree(n->right);
    free(n);
}

int main(void) {
    int keys[] = { 50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 85 };
    struct Node *root = NULL;
    size_t i;
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++) root = insert(root, keys[i]);
    inorder(root); printf("\n");
    preorder(root); printf("\n");
    printf("h=%d n=%d has45=%d has99=%d\n", height(root), count(root), contains(root, 45), contains(root, 99));
    root = delete(root, 20);
    root = delete(root, 30);
    root = delete(root, 50);
    root = delete(root, 99);
    inorder(root); printf("\n");
    preorder(root); printf("\n");
    printf("h=%d n=%d\n", height(root), count(root));
    for (i = 0; i < 100; i++) root = insert(root, (int)((i * 37) % 101));
    printf("h=%d n=%d\n", height(root), count(root));
    freetree(root);
    return 0;
}
