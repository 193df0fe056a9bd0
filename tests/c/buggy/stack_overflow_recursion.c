/* kind: stack-overflow */
/* bug: the recursion counts up instead of down and never reaches its base case (line 8) */
#include <stdio.h>

static long count_down(long n) {
  if (n == 0)
    return 0;
  return 1 + count_down(n + 1);
}

int main(void) {
  printf("counting down from 10\n");
  printf("%ld\n", count_down(10));
  return 0;
}
