/* Multi-dimensional arrays: layout, indexing, row pointers, initializers. */
#include "test.h"

static int trace(int m[][3], int n) {
  int i, s = 0;
  for (i = 0; i < n; i++)
    s += m[i][i];
  return s;
}
static int row_sum(int (*m)[3], int r) { return m[r][0] + m[r][1] + m[r][2]; }
static void zero_col(int m[2][3], int col) { m[0][col] = 0; m[1][col] = 0; }

int main(void) {
  int a[2][3] = {{1, 2, 3}, {4, 5, 6}};
  int b[3][3] = {{1}, {0, 5}, {7, 8, 9}};
  int c[][2] = {{1, 2}, {3, 4}, {5, 6}};
  int d[2][3][4];
  char names[3][6] = {"ab", "cde", "fghij"};
  char *words[3] = {"one", "two", "three"};
  long grid[2][2] = {{10, 20}, {30, 40}};
  int (*row)[3] = a;
  int *flat = &a[0][0];
  int i, j, k, n;

  ASSERT(1, a[0][0]);
  ASSERT(3, a[0][2]);
  ASSERT(4, a[1][0]);
  ASSERT(6, a[1][2]);
  ASSERT(24, sizeof a);
  ASSERT(12, sizeof a[0]);
  ASSERT(4, sizeof a[0][0]);
  ASSERT(2, sizeof a / sizeof a[0]);
  ASSERT(4, **(a + 1));
  ASSERT(1, **a);
  ASSERT(5, *(*(a + 1) + 1));
  ASSERT(5, *(a[1] + 1));
  ASSERT(5, (*(a + 1))[1]);
  ASSERT(5, 1[a][1]);
  ASSERT(6, flat[5]);
  ASSERT(4, flat[3]);
  ASSERT(1, a[1] == &a[1][0]);
  ASSERT(1, (char *)a[1] - (char *)a[0] == 12);
  ASSERT(3, a[1] - a[0]);
  ASSERT(6, row[1][2]);
  ASSERT(4, (*(row + 1))[0]);
  row++;
  ASSERT(5, (*row)[1]);
  ASSERT(8, sizeof row);
  ASSERT(12, sizeof *row);

  ASSERT(1, b[0][0]);
  ASSERT(0, b[0][1]);
  ASSERT(0, b[1][0]);
  ASSERT(5, b[1][1]);
  ASSERT(0, b[1][2]);
  ASSERT(9, b[2][2]);
  ASSERT(15, trace(b, 3));
  ASSERT(24, row_sum(b, 2));
  ASSERT(15, row_sum(a, 1));
  zero_col(a, 1);
  ASSERT(0, a[0][1]);
  ASSERT(0, a[1][1]);
  ASSERT(10, row_sum(a, 1));

  ASSERT(24, sizeof c);
  ASSERT(3, sizeof c / sizeof c[0]);
  ASSERT(6, c[2][1]);
  ASSERT(3, c[1][0]);

  n = 0;
  for (i = 0; i < 2; i++)
    for (j = 0; j < 3; j++)
      for (k = 0; k < 4; k++)
        d[i][j][k] = n++;
  ASSERT(96, sizeof d);
  ASSERT(48, sizeof d[0]);
  ASSERT(16, sizeof d[0][0]);
  ASSERT(23, d[1][2][3]);
  ASSERT(13, d[1][0][1]);
  ASSERT(6, d[0][1][2]);
  ASSERT(17, *(*(*(d + 1) + 1) + 1));
  ASSERT(17, (&d[0][0][0])[17]);
  ASSERT(12, &d[1][0][0] - &d[0][0][0]);

  ASSERT(18, sizeof names);
  ASSERT('a', names[0][0]);
  ASSERT('e', names[1][2]);
  ASSERT(0, names[1][3]);
  ASSERT('j', names[2][4]);
  ASSERT(0, names[2][5]);
  ASSERT('c', *names[1]);
  ASSERT('h', *(*(names + 2) + 2));
  names[0][1] = 'z';
  ASSERT('z', names[0][1]);
  ASSERT(24, sizeof words);
  ASSERT('t', words[1][0]);
  ASSERT('e', words[2][4]);
  ASSERT(0, words[2][5]);
  ASSERT(40, grid[1][1]);
  ASSERT(32, sizeof grid);
  ASSERT(30, *grid[1]);
  printf("OK\n");
  return 0;
}
