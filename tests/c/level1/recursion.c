/* Recursion, including mutual recursion through prototypes. */
#include "test.h"

static int is_even(int n);
static int is_odd(int n);
static int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }

static int ping(int n, int acc);
static int pong(int n, int acc);
static int ping(int n, int acc) { return n <= 0 ? acc : pong(n - 1, acc * 2); }
static int pong(int n, int acc) { return n <= 0 ? acc : ping(n - 1, acc + 1); }

static long fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }
static int ack(int m, int n) {
  if (m == 0)
    return n + 1;
  if (n == 0)
    return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
static int sum_array(int *a, int n) { return n == 0 ? 0 : a[0] + sum_array(a + 1, n - 1); }
static long power(long b, int e) {
  long h;
  if (e == 0)
    return 1;
  h = power(b, e / 2);
  return e % 2 ? h * h * b : h * h;
}
static long hanoi(int n) { return n == 0 ? 0 : 2 * hanoi(n - 1) + 1; }
static int rec_strlen(char *s) { return *s ? 1 + rec_strlen(s + 1) : 0; }
static int binom(int n, int k) {
  if (k == 0 || k == n)
    return 1;
  return binom(n - 1, k - 1) + binom(n - 1, k);
}
static int count_down(int n) { return n == 0 ? 0 : 1 + count_down(n - 1); }
static int calls;
static void visit(int depth) {
  calls++;
  if (depth < 4) {
    visit(depth + 1);
    visit(depth + 1);
  }
}
static void reverse(char *s, int i, int j) {
  char t;
  if (i >= j)
    return;
  t = s[i];
  s[i] = s[j];
  s[j] = t;
  reverse(s, i + 1, j - 1);
}
static int digits(long n) { return n < 10 ? 1 : 1 + digits(n / 10); }
static int local_frames(int n) {
  int local[4];
  int r;
  local[0] = n;
  local[3] = n * 2;
  if (n == 0)
    return 0;
  r = local_frames(n - 1);
  return r + local[0] + local[3];
}

int main(void) {
  int a[5] = {1, 2, 3, 4, 5};
  char s[] = "abcdef";

  ASSERT(1, is_even(0));
  ASSERT(0, is_odd(0));
  ASSERT(1, is_even(10));
  ASSERT(0, is_even(7));
  ASSERT(1, is_odd(7));
  ASSERT(1, is_odd(1001));
  ASSERT(1, ping(0, 1));
  ASSERT(2, ping(1, 1));
  ASSERT(3, ping(2, 1));
  ASSERT(6, ping(3, 1));
  ASSERT(1, fact(0));
  ASSERT(120, fact(5));
  ASSERT(3628800, fact(10));
  ASSERT(2432902008176640000, fact(20));
  ASSERT(0, fib(0));
  ASSERT(1, fib(1));
  ASSERT(55, fib(10));
  ASSERT(6765, fib(20));
  ASSERT(6, gcd(48, 18));
  ASSERT(1, gcd(17, 5));
  ASSERT(12, gcd(0, 12));
  ASSERT(3, ack(1, 1));
  ASSERT(7, ack(2, 2));
  ASSERT(61, ack(3, 3));
  ASSERT(15, sum_array(a, 5));
  ASSERT(0, sum_array(a, 0));
  ASSERT(1024, power(2, 10));
  ASSERT(1, power(7, 0));
  ASSERT(4611686018427387904, power(2, 62));
  ASSERT(3486784401, power(3, 20));
  ASSERT(1023, hanoi(10));
  ASSERT(5, rec_strlen("hello"));
  ASSERT(0, rec_strlen(""));
  ASSERT(252, binom(10, 5));
  ASSERT(1, binom(7, 7));
  ASSERT(10000, count_down(10000));
  calls = 0;
  visit(0);
  ASSERT(31, calls);
  reverse(s, 0, 5);
  ASSERT('f', s[0]);
  ASSERT('d', s[2]);
  ASSERT('a', s[5]);
  ASSERT(1, digits(0));
  ASSERT(10, digits(1234567890));
  ASSERT(19, digits(9223372036854775807));
  ASSERT(165, local_frames(10));
  printf("OK\n");
  return 0;
}
