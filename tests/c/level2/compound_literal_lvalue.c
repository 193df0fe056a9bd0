/* compound literals are lvalues; a literal in a loop body is one object per block entry */
#include <stdio.h>

static int file_scope_sum(void);
static int *gp = (int[]){ 7, 8, 9 };

int main(void) {
    int i, total = 0;
    for (i = 0; i < 3; i++) {
        int *q = (int[2]){ i, i * 10 };
        q[0] += 1;
        total += q[0] + q[1];
    }
    printf("%d\n", total);
    (int){ 5 } = 6;
    int *p = &(int){ 41 };
    (*p)++;
    printf("%d %d\n", *p, file_scope_sum());
    return 0;
}

static int file_scope_sum(void) { gp[0] = 100; return gp[0] + gp[1] + gp[2]; }
