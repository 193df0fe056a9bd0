/* Static local variables keep their value across calls. */
#include "test.h"

static int counter(void) {
  static int n;
  return ++n;
}
static int counter2(void) {
  static int n = 100;
  n += 10;
  return n;
}
static int same_name(void) {
  static int n = 5;
  return n--;
}
static int *storage(void) {
  static int cell = 7;
  return &cell;
}
static char *buffer(char c) {
  static char buf[4];
  static int pos;
  buf[pos++] = c;
  return buf;
}
static long sum_so_far(long x) {
  static long total = 1000000000000;
  total += x;
  return total;
}
static int depth(int n) {
  static int max;
  static int calls;
  calls++;
  if (n > max)
    max = n;
  if (n < 5)
    depth(n + 1);
  return max * 100 + calls;
}
static int fib_memo(int n) {
  static long memo[50];
  if (n < 2)
    return n;
  if (memo[n])
    return memo[n];
  memo[n] = fib_memo(n - 1) + fib_memo(n - 2);
  return memo[n];
}
static int once(void) {
  static int init = 0;
  static int value;
  if (!init) {
    value = 33;
    init = 1;
  } else {
    value++;
  }
  return value;
}

int main(void) {
  char *b;
  int i;

  ASSERT(1, counter());
  ASSERT(2, counter());
  ASSERT(3, counter());
  ASSERT(110, counter2());
  ASSERT(120, counter2());
  ASSERT(4, counter());
  ASSERT(5, same_name());
  ASSERT(4, same_name());
  ASSERT(130, counter2());
  ASSERT(7, *storage());
  *storage() = 70;
  ASSERT(70, *storage());
  ++*storage();
  ASSERT(71, *storage());
  ASSERT(1, storage() == storage());
  b = buffer('x');
  buffer('y');
  buffer('z');
  ASSERT('x', b[0]);
  ASSERT('y', b[1]);
  ASSERT('z', b[2]);
  ASSERT(0, b[3]);
  ASSERT(1000000000005, sum_so_far(5));
  ASSERT(1000000000000, sum_so_far(-5));
  ASSERT(506, depth(0));
  ASSERT(507, depth(5));
  ASSERT(832040, fib_memo(30));
  ASSERT(102334155, fib_memo(40));
  ASSERT(33, once());
  ASSERT(34, once());
  ASSERT(35, once());
  for (i = 0; i < 10; i++)
    counter();
  ASSERT(15, counter());
  printf("OK\n");
  return 0;
}
