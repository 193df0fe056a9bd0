/* kind: stack-buffer-overflow */
/* bug: last() reads a[3] of a 3-int local array (line 5) */
#include <stdio.h>

static int last(const int *a, int n) { return a[n]; }

int main(void) {
  int a[3] = {1, 2, 3};
  printf("summing\n");
  int s = a[0] + a[1] + a[2];
  printf("sum %d, last %d\n", s, last(a, 3));
  return 0;
}
