/* braces may be elided for sub-aggregates (allow-warning: -Wmissing-braces) */
#include <stdio.h>

struct P { int x, y; };
struct Q { struct P p; int arr[2]; };

int main(void) {
    int m[2][3] = { 1, 2, 3, 4, 5 };
    struct P ps[3] = { 1, 2, 3, 4, 5 };
    struct Q q = { 1, 2, 3, 4 };
    int i, j;
    for (i = 0; i < 2; i++)
        for (j = 0; j < 3; j++) printf("%d ", m[i][j]);
    printf("\n");
    for (i = 0; i < 3; i++) printf("(%d,%d) ", ps[i].x, ps[i].y);
    printf("\n%d %d %d %d\n", q.p.x, q.p.y, q.arr[0], q.arr[1]);
    return 0;
}
