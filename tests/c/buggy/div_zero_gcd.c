/* kind: division-by-zero */
/* bug: lcm(0, 0) divides by gcd 0 (line 12) */
#include <stdio.h>

static long lcm(long a, long b) {
  long x = a, y = b;
  while (y != 0) {
    long t = x % y;
    x = y;
    y = t;
  }
  return a / x * b;
}

int main(void) {
  printf("lcm(4, 6) = %ld\n", lcm(4, 6));
  printf("lcm(0, 0) = %ld\n", lcm(0, 0));
  return 0;
}
