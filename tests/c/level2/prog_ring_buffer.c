/* program: fixed-size ring buffer queue with wraparound and overflow policy */
#include <stdio.h>
#include <stddef.h>

#define CAP 5

struct Ring { int data[CAP]; unsigned head, tail, count, dropped; };

static void init(struct Ring *r) { r->head = r->tail = r->count = r->dropped = 0; }

static int push(struct Ring *r, int v, int overwrite) {
    if (r->count == CAP) {
        if (!overwrite) return 0;
        r->head = (r->head + 1) % CAP;
        r->count--;
        r->dropped++;
    }
    r->data[r->tail] = v;
    r->tail = (r->tail + 1) % CAP;
    r->count++;
    return 1;
}

static int pop(struct Ring *r, int *out) {
    if (!r->count) return 0;
    *out = r->data[r->head];
    r->head = (r->head + 1) % CAP;
    r->count--;
    return 1;
}

static void dump(const struct Ring *r) {
    unsigned i;
    printf("[");
    for (i = 0; i < r->count; i++) printf("%s%d", i ? " " : "", r->data[(r->head + i) % CAP]);
    printf("] head=%u tail=%u count=%u dropped=%u\n", r->head, r->tail, r->count, r->dropped);
}

struct ByteRing { unsigned char buf[16]; size_t head, len; };

static size_t br_write(struct ByteRing *r, const void *src, size_t n) {
    const unsigned char *s = src;
    size_t i, room = sizeof r->buf - r->len;
    if (n > room) n = room;
    for (i = 0; i < n; i++) r->buf[(r->head + r->len + i) % sizeof r->buf] = s[i];
    r->len += n;
    return n;
}

static size_t br_read(struct ByteRing *r, void *dst, size_t n) {
    unsigned char *d = dst;
    size_t i;
    if (n > r->len) n = r->len;
    for (i = 0; i < n; i++) d[i] = r->buf[(r->head + i) % sizeof r->buf];
    r->head = (r->head + n) % sizeof r->buf;
    r->len -= n;
    return n;
}

int main(void) {
    struct Ring r;
    int i, v;
    init(&r);
    for (i = 1; i <= 7; i++) printf("push %d -> %d\n", i, push(&r, i, 0));
    dump(&r);
    for (i = 0; i < 3; i++) if (pop(&r, &v)) printf("pop %d\n", v);
    dump(&r);
    for (i = 10; i < 20; i++) push(&r, i, 1);
    dump(&r);
    long sum = 0;
    while (pop(&r, &v)) sum += v;
    printf("sum %ld empty-pop %d\n", sum, pop(&r, &v));
    dump(&r);
    struct ByteRing br = { { 0 }, 0, 0 };
    char out[32];
    size_t w = br_write(&br, "hello, ring buffer world", 24);
    size_t n = br_read(&br, out, 10);
    out[n] = 0;
    printf("wrote %zu read %zu [%s] left %zu\n", w, n, out, br.len);
    w = br_write(&br, "0123456789", 10);
    n = br_read(&br, out, sizeof out - 1);
    out[n] = 0;
    printf("wrote %zu read %zu [%s] head %zu\n", w, n, out, br.head);
    return 0;
}
