/* Fault: INT_MIN / -1 (line 8): the quotient, 2^31, does not fit in an int; x86 traps
   on it as on a division by zero. */
#include <limits.h>
#include <stdio.h>

static int scale(int value, int divisor) {
  printf("scaling %d by 1/%d\n", value, divisor);
  return value / divisor;
}

int main(void) {
  printf("before the fault\n");
  printf("%d\n", scale(100, -1));
  printf("not reached: %d\n", scale(INT_MIN, -1));
  return 0;
}
