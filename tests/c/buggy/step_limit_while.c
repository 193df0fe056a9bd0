/* kind: step-limit */
/* bug: the Collatz sequence ends in the cycle 4, 2, 1 and never reaches 0 (line 8) */
#include <stdio.h>

int main(void) {
  int n = 27, steps = 0;
  printf("collatz from %d\n", n);
  while (n != 0) {
    n = n % 2 ? 3 * n + 1 : n / 2;
    steps++;
  }
  printf("%d steps\n", steps);
  return 0;
}
