/* program: n-queens solution counts by backtracking, first board printed */
#include <stdio.h>

static int cols[12];
static int printed;
static int first_sol[12];

static int safe(int row, int col) {
    int r;
    for (r = 0; r < row; r++) {
        int c = cols[r];
        if (c == col || c - col == r - row || c - col == row - r) return 0;
    }
    return 1;
}

static int solve(int row, int n) {
    if (row == n) {
        if (!printed) {
            int r, c;
            printed = 1;
            for (r = 0; r < n; r++) first_sol[r] = cols[r];
            for (r = 0; r < n; r++) {
                for (c = 0; c < n; c++) putchar(cols[r] == c ? 'Q' : '.');
                putchar('\n');
            }
        }
        return 1;
    }
    int col, count = 0;
    for (col = 0; col < n; col++)
        if (safe(row, col)) { cols[row] = col; count += solve(row + 1, n); }
    return count;
}

static int bits_solve(unsigned cols_used, unsigned d1, unsigned d2, unsigned all) {
    if (cols_used == all) return 1;
    int count = 0;
    unsigned avail = all & ~(cols_used | d1 | d2);
    while (avail) {
        unsigned bit = avail & -avail;
        avail -= bit;
        count += bits_solve(cols_used | bit, (d1 | bit) << 1, (d2 | bit) >> 1, all);
    }
    return count;
}

static int is_symmetric_first(int n) {
    /* the first solution found for n, mirrored, is also a solution */
    int r, mirrored[12];
    for (r = 0; r < n; r++) mirrored[r] = n - 1 - first_sol[r];
    for (r = 0; r < n; r++) {
        int q;
        for (q = 0; q < r; q++)
            if (mirrored[q] == mirrored[r] || mirrored[q] - mirrored[r] == q - r || mirrored[q] - mirrored[r] == r - q)
                return 0;
    }
    return 1;
}

int main(void) {
    int n;
    for (n = 1; n <= 9; n++) {
        printed = n != 8;
        int a = solve(0, n);
        int b = bits_solve(0, 0, 0, (1u << n) - 1);
        printf("n=%d solutions=%d bitmask=%d\n", n, a, b);
    }
    printf("n=10 bitmask=%d\n", bits_solve(0, 0, 0, (1u << 10) - 1));
    printed = 0;
    solve(0, 6);
    printf("mirror of a 6-queens placement valid: %d\n", is_symmetric_first(6));
    return 0;
}
