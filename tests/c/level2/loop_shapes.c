/* Counting loops of every shape the loader fuses into superinstructions (an increment
   or an addition of a variable followed by its test), and some it must leave alone. */
#include <stdio.h>
#include <stddef.h>

int main(void) {
    int i, n = 7, down = -9, sum = 0;
    long k;
    size_t u, m = 5;
    unsigned int w;

    for (i = 0; i < 10; i++) sum += i;            /* i < imm */
    for (i = 0; i <= 10; i += 3) sum += i;        /* i <= imm, step 3 */
    for (i = 10; i > 0; i--) sum += i * 2;        /* i > imm, down */
    for (i = 10; i >= 0; i -= 2) sum += i;        /* i >= imm, step -2 */
    for (i = 0; i != 12; i += 4) sum += i;        /* i != imm */
    for (i = 0; i < n; i++) sum += i;             /* i < slot */
    for (i = 0; i <= n; i++) sum -= i;            /* i <= slot */
    for (i = 0; i != n; i++) sum += 1;            /* i != slot */
    for (u = 0; u < m; u++) sum += (int)u;        /* size_t < slot */
    for (k = -3; k < (long)n; k++) sum += (int)k; /* long < slot */
    for (w = 0; w < 4u; w++) sum += (int)w;       /* unsigned: not fused */
    for (i = 0; i < 100000; i += 30000) sum += 1; /* large step */
    for (i = 0; i < 50; i += n) sum += i;         /* i += slot, i < imm */
    for (i = 1; i <= 50; i += n) sum -= 1;        /* i += slot, i <= imm */
    for (i = 40; i > 0; i += down) sum += 2;      /* i += slot, i > imm */
    for (i = 40; i >= 0; i += down) sum -= i;     /* i += slot, i >= imm */
    i = 0;
    while (i < 5) { i++; if (i == 3) continue; sum += i; }
    do { i--; sum += i; } while (i > 0);
    printf("%d %d %ld %zu %u\n", sum, i, k, u, w);
    return 0;
}
