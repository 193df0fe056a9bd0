/* program: matrix determinant and inverse with doubles (Gaussian elimination) */
#include <stdio.h>
#include <math.h>

#define N 4

static double det(double m[N][N], int n) {
    double a[N][N];
    int i, j, k, sign = 1;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) a[i][j] = m[i][j];
    double d = 1;
    for (k = 0; k < n; k++) {
        int piv = k;
        for (i = k + 1; i < n; i++)
            if (fabs(a[i][k]) > fabs(a[piv][k])) piv = i;
        if (fabs(a[piv][k]) < 1e-12) return 0;
        if (piv != k) {
            for (j = 0; j < n; j++) { double t = a[k][j]; a[k][j] = a[piv][j]; a[piv][j] = t; }
            sign = -sign;
        }
        d *= a[k][k];
        for (i = k + 1; i < n; i++) {
            double f = a[i][k] / a[k][k];
            for (j = k; j < n; j++) a[i][j] -= f * a[k][j];
        }
    }
    return sign * d;
}

static double cofactor_det(double m[N][N], int n) {
    if (n == 1) return m[0][0];
    double sub[N][N], s = 0;
    int c, i, j;
    for (c = 0; c < n; c++) {
        for (i = 1; i < n; i++) {
            int cj = 0;
            for (j = 0; j < n; j++) if (j != c) sub[i - 1][cj++] = m[i][j];
        }
        s += (c % 2 ? -1 : 1) * m[0][c] * cofactor_det(sub, n - 1);
    }
    return s;
}

static void print_m(double m[N][N], int n) {
    int i, j;
    for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) printf("%9.4f", m[i][j]);
        printf("\n");
    }
}

int main(void) {
    double a[N][N] = { { 2, -1, 0, 3 }, { 1, 3, 2, -2 }, { 0, 1, 4, 1 }, { 5, 2, -1, 0.5 } };
    double b[N][N] = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } };
    double c[N][N] = { { 0, 1 }, { 1, 0 } };
    double h[N][N];
    int i, j;
    print_m(a, 4);
    printf("det(a)=%.6f cof=%.6f\n", det(a, 4), cofactor_det(a, 4));
    printf("det(b)=%.6f\n", det(b, 3));
    printf("det(c)=%.6f\n", det(c, 2));
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++) h[i][j] = 1.0 / (i + j + 1);
    printf("det(hilbert4)=%.6e\n", det(h, 4));
    printf("det(3x3 hilbert)=%.9f\n", cofactor_det(h, 3));
    return 0;
}
