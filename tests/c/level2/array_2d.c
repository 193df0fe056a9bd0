/* two-dimensional arrays, row pointers, passing to functions */
#include <stdio.h>

#define R 3
#define C 4

static int total(int m[][C], int rows) {
    int i, j, s = 0;
    for (i = 0; i < rows; i++)
        for (j = 0; j < C; j++) s += m[i][j];
    return s;
}

int main(void) {
    int m[R][C], i, j;
    for (i = 0; i < R; i++)
        for (j = 0; j < C; j++) m[i][j] = i * C + j;
    int (*row)[C] = m + 1;
    int *flat = &m[0][0];
    printf("%d %d %d\n", total(m, R), (*row)[2], flat[11]);
    printf("%d %d\n", m[2][3], *(*(m + 1) + 1));
    int t[C][R];
    for (i = 0; i < R; i++)
        for (j = 0; j < C; j++) t[j][i] = m[i][j];
    for (i = 0; i < C; i++) printf("%d %d %d\n", t[i][0], t[i][1], t[i][2]);
    return 0;
}
