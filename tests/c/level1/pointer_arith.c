/* Pointer arithmetic (scaled by element size), pointer difference (long),
   pointer comparison. */
#include "test.h"

static long count(char *begin, char *end) { return end - begin; }
static int sum(int *begin, int *end) {
  int s = 0;
  while (begin < end)
    s += *begin++;
  return s;
}

int main(void) {
  int a[6] = {10, 20, 30, 40, 50, 60};
  char c[4] = {1, 2, 3, 4};
  short s[4] = {-1, -2, -3, -4};
  long l[4] = {100, 200, 300, 400};
  int m[3][4] = {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}};
  int *ptrs[3] = {&a[0], &a[1], &a[2]};
  int *p = a, *q = &a[5];
  int **pp = ptrs;
  int (*row)[4] = m;
  int i = 2;

  ASSERT(10, *p);
  ASSERT(30, *(p + 2));
  ASSERT(30, *(2 + p));
  ASSERT(60, *q);
  ASSERT(50, *(q - 1));
  ASSERT(20, *(q - 4));
  ASSERT(40, *(p + i + 1));
  ASSERT(40, *(q + -2));
  ASSERT(20, q[-4]);
  ASSERT(5, q - p);
  ASSERT(-5, p - q);
  ASSERT(8, sizeof(q - p));
  ASSERT(3, &a[4] - &a[1]);
  ASSERT(0, p - a);
  ASSERT(6, (a + 6) - a);
  ASSERT(4, (char *)(p + 1) - (char *)p);
  ASSERT(20, (char *)q - (char *)p);
  ASSERT(2, (short *)(p + 1) - (short *)p);
  ASSERT(1, p + 5 == q);
  ASSERT(1, q - 5 == p);
  ASSERT(1, p < q);
  ASSERT(0, p > q);
  ASSERT(1, p <= q);
  ASSERT(0, p >= q);
  ASSERT(1, p <= p);
  ASSERT(1, p >= a);
  ASSERT(1, p + 1 > p);
  ASSERT(1, &a[3] > &a[2]);
  ASSERT(1, a + 6 > q);
  ASSERT(1, p != q);

  ASSERT(3, *(c + 2));
  ASSERT(1, (c + 1) - c);
  ASSERT(-3, *(s + 2));
  ASSERT(2, (char *)(s + 1) - (char *)s);
  ASSERT(300, *(l + 2));
  ASSERT(8, (char *)(l + 1) - (char *)l);
  ASSERT(3, &l[3] - l);
  ASSERT(24, (char *)&l[3] - (char *)l);
  ASSERT(4, count(c, c + 4));
  ASSERT(210, sum(a, a + 6));
  ASSERT(90, sum(a + 1, a + 4));
  ASSERT(0, sum(q, q));

  ASSERT(20, **(pp + 1));
  ASSERT(30, *pp[2]);
  ASSERT(1, *(pp + 2) - *pp == 2);
  ASSERT(8, (char *)(pp + 1) - (char *)pp);
  ASSERT(4, *(*(row + 1)));
  ASSERT(6, *(*(row + 1) + 2));
  ASSERT(16, (char *)(row + 1) - (char *)row);
  ASSERT(2, (row + 2) - row);
  ASSERT(11, *(*(m + 2) + 3));
  ASSERT(7, *(&m[0][0] + 7));
  ASSERT(11, &m[2][3] - &m[0][0]);

  p = a;
  p += 3;
  ASSERT(40, *p);
  p -= 2;
  ASSERT(20, *p);
  p = p + 1;
  ASSERT(30, *p);
  p = 1 + p;
  ASSERT(40, *p);
  ASSERT(3, p - a);
  printf("OK\n");
  return 0;
}
