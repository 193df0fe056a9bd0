# A hash table with open addressing and linear probing (twin of hashtable.c): two lists of
# slots, keys and counts.
BITS = 16
SIZE = 1 << BITS
MASK = SIZE - 1
INSERTS, LOOKUPS, ROUNDS = 30000, 60000, 110

keys = [0] * SIZE
counts = [0] * SIZE

seed = 99


def next_random():
    global seed
    seed = (seed * 1103515245 + 12345) & 0xffffffff
    return seed >> 8


def slot_of(key):
    return ((key * 2654435761) & 0xffffffff) >> (32 - BITS)


def insert(key):
    s = slot_of(key)
    while keys[s] != 0 and keys[s] != key:
        s = (s + 1) & MASK
    if keys[s] == 0:
        keys[s] = key
    counts[s] += 1


def lookup(key):
    s = slot_of(key)
    while keys[s] != 0:
        if keys[s] == key:
            return counts[s]
        s = (s + 1) & MASK
    return 0


def main():
    h = 0
    for _ in range(ROUNDS):
        found = missing = used = 0
        for s in range(SIZE):
            keys[s] = 0
            counts[s] = 0
        for _ in range(INSERTS):
            insert(next_random() % 50000 * 2 + 2)
        for _ in range(LOOKUPS):
            c = lookup(next_random() % 100000 + 1)
            if c != 0:
                found += c
            else:
                missing += 1
        for s in range(SIZE):
            if keys[s] != 0:
                used += 1
        h = (h * 31 + found) & 0xffffffff
        h = (h * 31 + missing) & 0xffffffff
        h = (h * 31 + used) & 0xffffffff
    print(h)


main()
