/* One-dimensional arrays: initializers, indexing (also i[a]), decay. */
#include "test.h"

static int sum(int *a, int n) {
  int i, s = 0;
  for (i = 0; i < n; i++)
    s += a[i];
  return s;
}
static void fill(int a[], int n, int v) {
  int i;
  for (i = 0; i < n; i++)
    a[i] = v + i;
}
static int get(int a[4], int i) { return a[i]; }

int main(void) {
  int a[3] = {1, 2, 3};
  int b[5] = {1, 2};
  int c[] = {4, 5, 6, 7};
  int z[4] = {0};
  long l[3] = {-1, 4294967296, 3};
  char s[] = "abc";
  char t[10] = "xy";
  char u[3] = "abc";
  char v[4] = {'h', 'i'};
  short sh[3] = {-1, 300, -300};
  unsigned char uc[2] = {255, 256 - 1};
  int d[8];
  int i;
  int *p = a;

  ASSERT(1, a[0]);
  ASSERT(2, a[1]);
  ASSERT(3, a[2]);
  ASSERT(3, 2[a]);
  ASSERT(2, *(a + 1));
  ASSERT(2, *(1 + a));
  ASSERT(1, *a);
  ASSERT(12, sizeof a);
  ASSERT(20, sizeof b);
  ASSERT(2, b[1]);
  ASSERT(0, b[2]);
  ASSERT(0, b[4]);
  ASSERT(16, sizeof c);
  ASSERT(4, sizeof c / sizeof c[0]);
  ASSERT(7, c[3]);
  ASSERT(0, z[0] + z[1] + z[2] + z[3]);
  ASSERT(-1, l[0]);
  ASSERT(4294967296, l[1]);
  ASSERT(24, sizeof l);
  ASSERT(4, sizeof s);
  ASSERT('c', s[2]);
  ASSERT(0, s[3]);
  ASSERT(10, sizeof t);
  ASSERT('y', t[1]);
  ASSERT(0, t[2]);
  ASSERT(0, t[9]);
  ASSERT(3, sizeof u);
  ASSERT('c', u[2]);
  ASSERT('i', v[1]);
  ASSERT(0, v[3]);
  ASSERT(300, sh[1]);
  ASSERT(-300, sh[2]);
  ASSERT(6, sizeof sh);
  ASSERT(255, uc[0]);
  ASSERT(255, uc[1]);

  ASSERT(6, sum(a, 3));
  ASSERT(22, sum(c, 4));
  ASSERT(3, sum(b, 5));
  fill(d, 8, 10);
  ASSERT(10, d[0]);
  ASSERT(17, d[7]);
  ASSERT(108, sum(d, 8));
  ASSERT(15, get(d, 5));
  ASSERT(15, get(d + 1, 4));
  for (i = 0; i < 8; i++)
    d[i] = i * i;
  ASSERT(49, d[7]);
  ASSERT(140, sum(d, 8));
  ASSERT(16, i[d - 4]);
  a[1] = 20;
  ASSERT(20, p[1]);
  p[2] = 30;
  ASSERT(30, a[2]);
  1[a] = 21;
  ASSERT(21, a[1]);
  a[a[0]] = 100;
  ASSERT(100, a[1]);
  ASSERT(1, a == &a[0]);
  ASSERT(1, a + 1 == &a[1]);
  ASSERT(1, &a[0] == p);
  ASSERT(3, &a[3] - &a[0]);
  ASSERT(1, (void *)&a == (void *)a);
  ASSERT(8, sizeof(a + 0));
  ASSERT(8, sizeof &a[0]);
  ASSERT(12, sizeof *&a);
  printf("OK\n");
  return 0;
}
