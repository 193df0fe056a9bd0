/* program: big-integer factorials and powers of two in base 10^4 limbs */
#include <stdio.h>
#include <string.h>

#define LIMBS 200
#define BASE 10000

struct Big { int n; int d[LIMBS]; };

static void set(struct Big *b, int v) { memset(b, 0, sizeof *b); b->d[0] = v; b->n = 1; }

static void mul_small(struct Big *b, int m) {
    int i, carry = 0;
    for (i = 0; i < b->n; i++) {
        int x = b->d[i] * m + carry;
        b->d[i] = x % BASE;
        carry = x / BASE;
    }
    while (carry) { b->d[b->n++] = carry % BASE; carry /= BASE; }
}

static void add(struct Big *r, const struct Big *a, const struct Big *b) {
    int i, carry = 0, n = a->n > b->n ? a->n : b->n;
    struct Big t;
    memset(&t, 0, sizeof t);
    for (i = 0; i < n; i++) {
        int x = a->d[i] + b->d[i] + carry;
        t.d[i] = x % BASE;
        carry = x / BASE;
    }
    t.n = n;
    if (carry) t.d[t.n++] = carry;
    *r = t;
}

static void print(const struct Big *b) {
    int i;
    printf("%d", b->d[b->n - 1]);
    for (i = b->n - 2; i >= 0; i--) printf("%04d", b->d[i]);
    printf("\n");
}

static int digit_sum(const struct Big *b) {
    int i, s = 0;
    for (i = 0; i < b->n; i++) { int x = b->d[i]; while (x) { s += x % 10; x /= 10; } }
    return s;
}

int main(void) {
    struct Big f, p, a, c;
    int i;
    set(&f, 1);
    for (i = 1; i <= 50; i++) {
        mul_small(&f, i);
        if (i == 10 || i == 25 || i == 50) { printf("%d! = ", i); print(&f); }
    }
    for (i = 51; i <= 100; i++) mul_small(&f, i);
    printf("100! digit sum = %d limbs = %d\n", digit_sum(&f), f.n);
    set(&p, 1);
    for (i = 0; i < 128; i++) mul_small(&p, 2);
    printf("2^128 = "); print(&p);
    set(&a, 0); set(&c, 1);
    for (i = 0; i < 150; i++) { struct Big t; add(&t, &a, &c); a = c; c = t; }
    printf("fib(150) = "); print(&a);
    return 0;
}
