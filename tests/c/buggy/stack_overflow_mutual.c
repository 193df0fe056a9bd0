/* kind: stack-overflow */
/* bug: is_even/is_odd recursion on (unsigned)-1: four billion calls deep (line 16) */
#include <stdio.h>

static int is_odd(unsigned n);

static int is_even(unsigned n) {
  if (n == 0)
    return 1;
  return is_odd(n - 1);
}

static int is_odd(unsigned n) {
  if (n == 0)
    return 0;
  return is_even(n - 1);
}

int main(void) {
  printf("is_even(10) = %d\n", is_even(10));
  printf("is_even(-1) = ...\n");
  printf("%d\n", is_even((unsigned)-1));
  return 0;
}
