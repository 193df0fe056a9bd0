/* The comma operator: left to right, value and type of the right operand. */
#include "test.h"

static int log_val;
static int push(int d) {
  log_val = log_val * 10 + d;
  return d;
}
static int second(int a, int b) { return b; }

int main(void) {
  int a, b, x, i, j, n;
  char c = 'z';
  long l = 0;

  ASSERT(3, (a = 1, b = 2, a + b));
  ASSERT(1, a);
  ASSERT(2, b);
  ASSERT(11, (x = 1, x = x * 10, x + 1));
  ASSERT(10, x);
  log_val = 0;
  ASSERT(3, (push(1), push(2), push(3)));
  ASSERT(123, log_val);
  ASSERT(5, second(1, (a = 4, a + 1)));
  ASSERT(7, second((a = 3, a), 7));
  ASSERT(3, a);
  ASSERT(1, sizeof(a = 5, c));
  ASSERT(3, a);
  ASSERT(8, sizeof(a++, l));
  ASSERT(4, sizeof(c++, a));
  ASSERT(122, c);
  ASSERT(3, a);
  ASSERT(122, (a = 0, c));
  n = 0;
  for (i = 0, j = 10; i < j; i++, j--)
    n++;
  ASSERT(5, n);
  ASSERT(5, i);
  ASSERT(5, j);
  n = 0;
  i = 0;
  while (i++, i < 5)
    n++;
  ASSERT(4, n);
  x = (a = 2, b = 3, a * b);
  ASSERT(6, x);
  x = ((a = 1), (b = 2), (a = a + b, a * 10));
  ASSERT(30, x);
  ASSERT(3, a);
  ASSERT(2, 1 ? (a = 5, 2) : (a = 6, 3));
  ASSERT(5, a);
  ASSERT(15, (a = 4, b = (a++, a * 2), b + a));
  printf("OK\n");
  return 0;
}
