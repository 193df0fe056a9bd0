/*
 * matrix.c - multiplying matrices stored in 2-D arrays.
 *
 * What it shows: C[i][j] is the sum over k of A[i][k] * B[k][j], three
 * nested loops. A (2 x 3) times B (3 x 2) gives a 2 x 2 matrix. Then a
 * square matrix is raised to a power by repeated multiplication: the
 * powers of {{1, 1}, {1, 0}} contain the Fibonacci numbers.
 * The matrices are globals (data and bss) and locals (stack); a function
 * writes its result into an array the caller passes in.
 *
 * Try:  segvm run matrix.c
 */
#include <stdio.h>

/* data: initialized global matrices */
int A[2][3] = {{1, 2, 3},
               {4, 5, 6}};
int B[3][2] = {{7, 8},
               {9, 10},
               {11, 12}};
int C[2][2];                      /* bss: the result, zero at first */

static void print2(int m[][2], int rows)
{
    int i;
    for (i = 0; i < rows; i++)
        printf("  [%5d %5d ]\n", m[i][0], m[i][1]);
}

/* result = x * y for 2 x 2 matrices. result must not be x or y. */
static void mul2(int result[2][2], int x[2][2], int y[2][2])
{
    int i, j, k;
    for (i = 0; i < 2; i++)
        for (j = 0; j < 2; j++) {
            result[i][j] = 0;
            for (k = 0; k < 2; k++)
                result[i][j] += x[i][k] * y[k][j];
        }
}

int main(void)
{
    int i, j, k, n;
    int power[2][2] = {{1, 0}, {0, 1}};   /* stack: starts as the identity */
    int fib[2][2] = {{1, 1}, {1, 0}};
    int tmp[2][2];

    /* C = A * B: row i of A against column j of B. */
    for (i = 0; i < 2; i++)
        for (j = 0; j < 2; j++)
            for (k = 0; k < 3; k++)
                C[i][j] += A[i][k] * B[k][j];
    printf("A * B =\n");
    print2(C, 2);

    for (n = 1; n <= 10; n++) {
        mul2(tmp, power, fib);    /* tmp = power * fib */
        for (i = 0; i < 2; i++)
            for (j = 0; j < 2; j++)
                power[i][j] = tmp[i][j];
        if (n == 1 || n == 2 || n == 10) {
            printf("F^%d =\n", n);
            print2(power, 2);
        }
    }
    printf("so fib(10) = %d and fib(11) = %d\n", power[0][1], power[0][0]);
    return 0;
}
