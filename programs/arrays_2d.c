/*
 * arrays_2d.c - a 2-D array is one block of memory, stored row by row.
 *
 * What it shows: int grid[3][4] is 3 rows of 4 ints, laid out one row
 * after the other ("row-major"): grid[i][j] is element i * 4 + j of one
 * flat block of 12 ints. Copying its bytes into a plain int[12] shows
 * that order. A function receiving a 2-D array must be told
 * the length of a row, so it can find where each row starts.
 * Here grid is a local, so all 48 bytes sit in main's stack frame;
 * the global 'board' is in data.
 *
 * Try:  segvm run arrays_2d.c
 */
#include <stdio.h>
#include <string.h>

#define ROWS 3
#define COLS 4

/* data: a global 2-D array of chars, initialized row by row. */
char board[3][3] = {
    {'X', 'O', 'X'},
    {' ', 'X', 'O'},
    {'O', ' ', 'X'},
};

/* The row length (COLS) must be known; the number of rows is passed in. */
static void print_grid(int g[][COLS], int rows)
{
    int i, j;
    for (i = 0; i < rows; i++) {
        for (j = 0; j < COLS; j++)
            printf("%4d", g[i][j]);
        printf("\n");
    }
}

static int diagonal_winner(void)
{
    return board[0][0] != ' ' && board[0][0] == board[1][1] &&
           board[1][1] == board[2][2];
}

int main(void)
{
    int grid[ROWS][COLS];          /* stack: 12 ints in main's frame */
    int flat[ROWS * COLS];         /* stack: a 1-D array of the same size */
    int i, j;

    for (i = 0; i < ROWS; i++)
        for (j = 0; j < COLS; j++)
            grid[i][j] = (i + 1) * (j + 1);   /* a small multiplication table */

    printf("grid (%lu bytes, each row %lu bytes):\n",
           (unsigned long)sizeof grid, (unsigned long)sizeof grid[0]);
    print_grid(grid, ROWS);

    memcpy(flat, grid, sizeof grid);   /* copy the bytes exactly as stored */
    printf("the same 12 ints, in memory order:");
    for (i = 0; i < ROWS * COLS; i++)
        printf(" %d", flat[i]);
    printf("\n");
    printf("grid[2][1] = %d = flat[2 * %d + 1] = %d\n", grid[2][1], COLS,
           flat[2 * COLS + 1]);

    for (i = 0; i < ROWS; i++) {
        int sum = 0;
        for (j = 0; j < COLS; j++)
            sum += grid[i][j];
        printf("row %d sums to %d\n", i, sum);
    }

    printf("board:\n");
    for (i = 0; i < 3; i++)
        printf(" %c | %c | %c\n", board[i][0], board[i][1], board[i][2]);
    printf("X wins on the diagonal: %s\n", diagonal_winner() ? "yes" : "no");
    return 0;
}
