/* The ILP32 data model, as on a 32-bit microcontroller (or gcc -m32): int, long and
   pointers are 4 bytes; long long and double are 8 but aligned to 4 inside structs;
   size_t and ptrdiff_t are 4 bytes; conversions and printf's length modifiers follow. */
#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include <limits.h>

struct mixed {
    char c;
    long long ll;
    short s;
    double d;
    int *p;
};

struct node {
    int value;
    struct node *next;
};

static long sum(long a, long b) { return a + b; }
static unsigned long umax(void) { return ULONG_MAX; }

int main(void) {
    struct mixed m;
    struct node nodes[3];
    int arr[10];
    int *p = &arr[7], *q = &arr[2];
    long l = LONG_MAX;
    unsigned long ul = 4000000000UL;
    char buf[64];
    int i;

    printf("sizes: char %zu short %zu int %zu long %zu long long %zu ptr %zu\n",
           sizeof(char), sizeof(short), sizeof(int), sizeof(long), sizeof(long long),
           sizeof(void *));
    printf("size_t %zu ptrdiff_t %zu float %zu double %zu\n", sizeof(size_t),
           sizeof(ptrdiff_t), sizeof(float), sizeof(double));
    printf("struct mixed: size %zu, ll at %zu, s at %zu, d at %zu, p at %zu\n",
           sizeof m, offsetof(struct mixed, ll), offsetof(struct mixed, s),
           offsetof(struct mixed, d), offsetof(struct mixed, p));
    printf("struct node: size %zu, next at %zu\n", sizeof(struct node),
           offsetof(struct node, next));
    printf("limits: %ld %ld %lu\n", LONG_MAX, LONG_MIN, ULONG_MAX);
    printf("wrap: %ld %lu %lu\n", l + 1, ul + ul, umax() + 2);
    printf("sum: %ld\n", sum(2000000000L, 2000000000L));
    printf("q - p: %td, sizeof %zu\n", q - p, sizeof(q - p));
    printf("(long long)-1L: %lld, (unsigned long long)-1L: %llu\n", (long long)-1L,
           (unsigned long long)(unsigned long)-1L);

    for (i = 0; i < 3; i++) {
        nodes[i].value = i * 10;
        nodes[i].next = i < 2 ? &nodes[i + 1] : NULL;
    }
    for (i = 0; i < 10; i++)
        arr[i] = i * i;
    {
        struct node *n;
        int total = 0;
        for (n = &nodes[0]; n != NULL; n = n->next)
            total += n->value;
        printf("list total %d, *p %d, p[-1] %d, *(q + 3) %d\n", total, *p, p[-1], *(q + 3));
    }
    m.c = 'x';
    m.ll = -5000000000LL;
    m.s = -7;
    m.d = 2.5;
    m.p = &arr[3];
    printf("m: %c %lld %d %.1f %d\n", m.c, m.ll, m.s, m.d, *m.p);
    sprintf(buf, "%ld|%lx|%lu|%zu|%5.2f", -123456L, 0xdeadbeefUL, ul, strlen("four"), 3.14159);
    printf("%s\n", buf);
    printf("%d\n", (int)(sizeof(long) * CHAR_BIT));
    return 0;
}
