/* 2-D matrix multiply: C = A * B on doubles, the textbook i-j-k triple loop.
   Every entry is a small multiple of 1/8 or 1/4, so every product and sum is exact
   and the checksum cannot depend on rounding. */
#include <stdio.h>

#define N 370

static double a[N][N], b[N][N], c[N][N];

int main(void) {
    int i, j, k;
    double sum = 0.0;
    for (i = 0; i < N; i++) {
        for (j = 0; j < N; j++) {
            a[i][j] = (double)((i * 7 + j * 3) % 17) / 8.0;
            b[i][j] = (double)((i * 5 + j * 11) % 13 - 6) / 4.0;
        }
    }
    for (i = 0; i < N; i++) {
        for (j = 0; j < N; j++) {
            double s = 0.0;
            for (k = 0; k < N; k++)
                s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
    }
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++)
            sum += c[i][j] * (double)((i + j) % 5 + 1);
    printf("%.6f\n", sum);
    return 0;
}
