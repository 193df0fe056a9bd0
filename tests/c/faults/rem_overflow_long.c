/* Fault: LONG_MIN % -1 (line 7): x86 computes the remainder with the quotient, which
   does not fit in a long, and traps as on a division by zero. */
#include <limits.h>
#include <stdio.h>

static long remainder_of(long a, long b) {
  return a % b;
}

int main(void) {
  printf("before the fault\n");
  printf("%ld\n", remainder_of(LONG_MIN + 1, -1));
  printf("not reached: %ld\n", remainder_of(LONG_MIN, -1));
  return 0;
}
