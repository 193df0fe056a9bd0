/* kind: segmentation-fault */
/* bug: a store 8 MiB below a local variable, below the stack (line 12) */
#include <stdio.h>

int main(void) {
  int local = 5;
  int *p = &local;
  printf("local = %d\n", *p);
  /* 8 MiB below the stack, in the unmapped gap between heap and stack. */
  p -= 2 * 1024 * 1024;
  printf("writing below the stack\n");
  *p = 1;
  return 0;
}
