/* C99 variable length arrays and sizeof at run time */
#include <stdio.h>

static int sum2d(int r, int c, int m[r][c]) {
    int i, j, s = 0;
    for (i = 0; i < r; i++)
        for (j = 0; j < c; j++) s += m[i][j];
    return s;
}

int main(void) {
    int n;
    for (n = 1; n <= 4; n++) {
        int a[n];
        double d[n * 2];
        int i;
        for (i = 0; i < n; i++) a[i] = i * i;
        printf("%d %zu %zu %d\n", n, sizeof a, sizeof d, a[n - 1]);
    }
    int r = 3, c = 4, i, j;
    int m[r][c];
    for (i = 0; i < r; i++)
        for (j = 0; j < c; j++) m[i][j] = i + j;
    printf("%d %zu\n", sum2d(r, c, m), sizeof m[0]);
    return 0;
}
