/* Small whole programs mixing level-1 features: sorting, searching,
   sieve, matrix product, number formatting. */
#include "test.h"

static void bubble_sort(int *a, int n) {
  int i, j, t;
  for (i = 0; i < n; i++)
    for (j = 0; j + 1 < n - i; j++)
      if (a[j] > a[j + 1]) {
        t = a[j];
        a[j] = a[j + 1];
        a[j + 1] = t;
      }
}
static int is_sorted(int *a, int n) {
  int i;
  for (i = 1; i < n; i++)
    if (a[i - 1] > a[i])
      return 0;
  return 1;
}
static int bsearch_int(int *a, int n, int key) {
  int lo = 0, hi = n - 1;
  while (lo <= hi) {
    int mid = lo + (hi - lo) / 2;
    if (a[mid] == key)
      return mid;
    if (a[mid] < key)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return -1;
}
static int count_primes(int n) {
  static char composite[1001];
  int i, j, count = 0;
  for (i = 2; i <= n; i++) {
    if (composite[i])
      continue;
    count++;
    for (j = i * i; j <= n; j += i)
      composite[j] = 1;
  }
  return count;
}
static void mat_mul(long a[2][3], long b[3][2], long out[2][2]) {
  int i, j, k;
  for (i = 0; i < 2; i++)
    for (j = 0; j < 2; j++) {
      out[i][j] = 0;
      for (k = 0; k < 3; k++)
        out[i][j] += a[i][k] * b[k][j];
    }
}
static int to_str(long v, char *buf) {
  char tmp[24];
  int n = 0, len = 0;
  unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
  do {
    tmp[n++] = '0' + u % 10;
    u /= 10;
  } while (u);
  if (v < 0)
    buf[len++] = '-';
  while (n > 0)
    buf[len++] = tmp[--n];
  buf[len] = '\0';
  return len;
}
static long parse(char *s) {
  long v = 0;
  int neg = 0;
  if (*s == '-') {
    neg = 1;
    s++;
  }
  while (*s >= '0' && *s <= '9')
    v = v * 10 + (*s++ - '0');
  return neg ? -v : v;
}
static int collatz(long n) {
  int steps = 0;
  while (n != 1) {
    n = n % 2 ? 3 * n + 1 : n / 2;
    steps++;
  }
  return steps;
}
static unsigned hash(char *s) {
  unsigned h = 2166136261u;
  while (*s) {
    h ^= (unsigned char)*s++;
    h *= 16777619u;
  }
  return h;
}

int main(void) {
  int a[10] = {5, -3, 9, 0, 12, 7, -8, 1, 4, 2};
  long m1[2][3] = {{1, 2, 3}, {4, 5, 6}};
  long m2[3][2] = {{7, 8}, {9, 10}, {11, 12}};
  long prod[2][2];
  char buf[32];

  ASSERT(0, is_sorted(a, 10));
  bubble_sort(a, 10);
  ASSERT(1, is_sorted(a, 10));
  ASSERT(-8, a[0]);
  ASSERT(12, a[9]);
  ASSERT(4, a[5]);
  ASSERT(5, bsearch_int(a, 10, 4));
  ASSERT(0, bsearch_int(a, 10, -8));
  ASSERT(9, bsearch_int(a, 10, 12));
  ASSERT(-1, bsearch_int(a, 10, 3));
  ASSERT(168, count_primes(1000));
  mat_mul(m1, m2, prod);
  ASSERT(58, prod[0][0]);
  ASSERT(64, prod[0][1]);
  ASSERT(139, prod[1][0]);
  ASSERT(154, prod[1][1]);
  ASSERT(5, to_str(12345, buf));
  ASSERT('1', buf[0]);
  ASSERT('5', buf[4]);
  ASSERT(0, buf[5]);
  ASSERT(2, to_str(-7, buf));
  ASSERT('-', buf[0]);
  ASSERT(1, to_str(0, buf));
  ASSERT(20, to_str(-9223372036854775807 - 1, buf));
  ASSERT('8', buf[19]);
  ASSERT(-9223372036854775807, parse("-9223372036854775807"));
  ASSERT(12345, parse("12345"));
  ASSERT(-42, parse("-42xyz"));
  ASSERT(0, parse(""));
  ASSERT(111, collatz(27));
  ASSERT(0, collatz(1));
  ASSERT(2166136261, hash(""));
  ASSERT(3826002220, hash("a"));
  ASSERT(1335831723, hash("hello"));
  printf("OK\n");
  return 0;
}
