/* program: chained hash table with string keys (insert, lookup, delete, resize) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Entry { char *key; int value; struct Entry *next; };
struct Table { struct Entry **buckets; size_t nbuckets, count; };

static unsigned long hash(const char *s) {
    unsigned long h = 5381;
    while (*s) h = h * 33 + (unsigned char)*s++;
    return h;
}

static char *dupstr(const char *s) {
    char *d = malloc(strlen(s) + 1);
    strcpy(d, s);
    return d;
}

static void init(struct Table *t, size_t n) {
    t->buckets = calloc(n, sizeof *t->buckets);
    t->nbuckets = n;
    t->count = 0;
}

static void resize(struct Table *t) {
    struct Table nt;
    size_t i;
    init(&nt, t->nbuckets * 2);
    for (i = 0; i < t->nbuckets; i++) {
        struct Entry *e = t->buckets[i], *next;
        for (; e; e = next) {
            next = e->next;
            size_t b = hash(e->key) % nt.nbuckets;
            e->next = nt.buckets[b];
            nt.buckets[b] = e;
            nt.count++;
        }
    }
    free(t->buckets);
    *t = nt;
}

static void put(struct Table *t, const char *key, int value) {
    size_t b = hash(key) % t->nbuckets;
    struct Entry *e;
    for (e = t->buckets[b]; e; e = e->next)
        if (strcmp(e->key, key) == 0) { e->value = value; return; }
    e = malloc(sizeof *e);
    e->key = dupstr(key);
    e->value = value;
    e->next = t->buckets[b];
    t->buckets[b] = e;
    if (++t->count > t->nbuckets * 2) resize(t);
}

static int *get(struct Table *t, const char *key) {
    struct Entry *e;
    for (e = t->buckets[hash(key) % t->nbuckets]; e; e = e->next)
        if (strcmp(e->key, key) == 0) return &e->value;
    return NULL;
}

static int del(struct Table *t, const char *key) {
    struct Entry **pp = &t->buckets[hash(key) % t->nbuckets];
    for (; *pp; pp = &(*pp)->next) {
        if (strcmp((*pp)->key, key) == 0) {
            struct Entry *e = *pp;
            *pp = e->next;
            free(e->key);
            free(e);
            t->count--;
            return 1;
        }
    }
    return 0;
}

static void destroy(struct Table *t) {
    size_t i;
    for (i = 0; i < t->nbuckets; i++) {
        struct Entry *e = t->buckets[i], *n;
        for (; e; e = n) { n = e->next; free(e->key); free(e); }
    }
    free(t->buckets);
}

int main(void) {
    struct Table t;
    char key[16];
    int i, found = 0;
    init(&t, 4);
    const char *text = "the cat and the dog and the bird saw the cat";
    char word[16];
    const char *p = text;
    while (*p) {
        int n = 0;
        while (*p && *p != ' ') word[n++] = *p++;
        word[n] = 0;
        while (*p == ' ') p++;
        int *v = get(&t, word);
        if (v) (*v)++;
        else put(&t, word, 1);
    }
    const char *q[] = { "the", "cat", "and", "dog", "bird", "saw", "fish" };
    for (i = 0; i < 7; i++) {
        int *v = get(&t, q[i]);
        printf("%s=%d ", q[i], v ? *v : 0);
    }
    printf("\ncount=%zu\n", t.count);
    for (i = 0; i < 500; i++) { sprintf(key, "k%d", i); put(&t, key, i * i); }
    printf("count=%zu buckets=%zu\n", t.count, t.nbuckets);
    for (i = 0; i < 500; i += 2) { sprintf(key, "k%d", i); del(&t, key); }
    for (i = 0; i < 500; i++) { sprintf(key, "k%d", i); if (get(&t, key)) found++; }
    sprintf(key, "k%d", 499);
    printf("found=%d count=%zu k499=%d del_missing=%d\n", found, t.count, *get(&t, key), del(&t, "nope"));
    destroy(&t);
    return 0;
}
