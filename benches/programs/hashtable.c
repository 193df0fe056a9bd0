/* A hash table: open addressing with linear probing over unsigned int keys (0 marks an
   empty slot), multiplicative hashing into a power-of-two table. Each round clears the
   table, inserts keys drawn from a generator (counting repeats), then looks up a second
   stream of keys, half of which are absent. */
#include <stdio.h>
#include <string.h>

#define BITS 16
#define SIZE (1u << BITS)
#define MASK (SIZE - 1u)
#define INSERTS 30000
#define LOOKUPS 60000
#define ROUNDS 110

static unsigned int keys[SIZE];
static unsigned int counts[SIZE];

static unsigned int seed = 99u;

static unsigned int next(void) {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

static unsigned int slot_of(unsigned int key) {
    return (key * 2654435761u) >> (32 - BITS);
}

static void insert(unsigned int key) {
    unsigned int s = slot_of(key);
    while (keys[s] != 0u && keys[s] != key)
        s = (s + 1u) & MASK;
    if (keys[s] == 0u)
        keys[s] = key;
    counts[s]++;
}

static unsigned int lookup(unsigned int key) {
    unsigned int s = slot_of(key);
    while (keys[s] != 0u) {
        if (keys[s] == key)
            return counts[s];
        s = (s + 1u) & MASK;
    }
    return 0u;
}

int main(void) {
    unsigned int h = 0u;
    int round, i;
    for (round = 0; round < ROUNDS; round++) {
        unsigned int found = 0u, missing = 0u, used = 0u, s;
        memset(keys, 0, sizeof keys);
        memset(counts, 0, sizeof counts);
        for (i = 0; i < INSERTS; i++)
            insert(next() % 50000u * 2u + 2u);
        for (i = 0; i < LOOKUPS; i++) {
            unsigned int c = lookup(next() % 100000u + 1u);
            if (c != 0u)
                found += c;
            else
                missing++;
        }
        for (s = 0; s < SIZE; s++)
            if (keys[s] != 0u)
                used++;
        h = h * 31u + found;
        h = h * 31u + missing;
        h = h * 31u + used;
    }
    printf("%u\n", h);
    return 0;
}
