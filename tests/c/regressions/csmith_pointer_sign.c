/* What segvm's `--permissive` mode lets Csmith programs do, written as valid C99.
 *
 * Csmith assigns and compares pointers whose targets differ only in signedness
 * (int32_t * and uint32_t *), and pointers to distinct types. Plain `gcc -std=c99`
 * accepts that with a warning and converts the pointer; segvm does the same under
 * `--permissive` (the Csmith oracle, tests/csmith/, runs with it). This program does the
 * same conversions with explicit casts, so that the ordinary gcc oracle checks their
 * meaning: the address is kept, and reading through the other signedness reinterprets
 * the same bytes. Not the reduction of a mismatch: Csmith seeds 1 to 1000 found none.
 */
#include <stdint.h>
#include <stdio.h>

static uint32_t g_u = 0xFFFFFFF0u;
static int32_t *g_p = (int32_t *)&g_u;
static int16_t g_a[3] = {-1, 2, -32768};
static uint16_t *g_q = (uint16_t *)&g_a[1];
static int8_t g_c[2][2] = {{-128, 127}, {-1, 0}};

struct S {
    int64_t f0;
    uint8_t f1;
};
static struct S g_s = {-5, 200};

int main(void) {
    uint64_t *pl = (uint64_t *)&g_s.f0;
    int8_t *pi = (int8_t *)&g_s.f1;
    uint8_t (*row)[2] = (uint8_t (*)[2])g_c;
    int32_t **pp = &g_p;
    uint32_t *q = (uint32_t *)*pp;

    printf("%d %u\n", *g_p, g_u);
    (*g_p)--;
    printf("%u %d\n", g_u, (uint32_t *)g_p == &g_u);
    printf("%u %u %d\n", g_q[-1], g_q[1], (void *)g_q > (void *)g_a);
    g_q[0] = 65535;
    printf("%d\n", g_a[1]);
    printf("%llu %d\n", (unsigned long long)*pl, *pi);
    *pi += 100;
    printf("%u\n", g_s.f1);
    printf("%u %u %u %u\n", row[0][0], row[0][1], row[1][0], row[1][1]);
    *q = 7u;
    printf("%d %d\n", **pp, (uint32_t *)*pp == q);
    printf("%d\n", (int)((uint8_t *)&g_c[1][0] - (uint8_t *)g_c));
    return 0;
}
