/* pointers to structs and the -> operator */
#include <stdio.h>

struct Acc { int id; long bal; };

static void deposit(struct Acc *a, long amt) { a->bal += amt; }
static long bal(const struct Acc *a) { return (*a).bal; }

int main(void) {
    struct Acc a = { 7, 100 };
    struct Acc *p = &a;
    struct Acc **pp = &p;
    deposit(p, 50);
    (*pp)->bal *= 2;
    p->id++;
    printf("%d %ld %ld\n", a.id, a.bal, bal(&a));
    printf("%d\n", (&a)->id == p->id);
    return 0;
}
