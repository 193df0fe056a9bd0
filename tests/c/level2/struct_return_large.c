/* returning and passing large structs by value */
#include <stdio.h>

struct Big { int v[20]; double d; char tag[13]; };

static struct Big make(int base) {
    struct Big b;
    int i;
    for (i = 0; i < 20; i++) b.v[i] = base + i;
    b.d = base / 4.0;
    for (i = 0; i < 12; i++) b.tag[i] = (char)('a' + (base + i) % 26);
    b.tag[12] = 0;
    return b;
}

static struct Big twice(struct Big b) {
    int i;
    for (i = 0; i < 20; i++) b.v[i] *= 2;
    b.d *= 2;
    return b;
}

int main(void) {
    struct Big a = make(3);
    struct Big t = twice(a);
    int i, s = 0, s2 = 0;
    for (i = 0; i < 20; i++) { s += a.v[i]; s2 += t.v[i]; }
    printf("%d %d %.2f %.2f %s\n", s, s2, a.d, t.d, t.tag);
    printf("%d\n", twice(twice(make(1))).v[19]);
    printf("%zu\n", sizeof(struct Big));
    return 0;
}
