/* kind: uninitialized-read */
/* bug: sum() adds to an uninitialized accumulator; the result decides a branch (line 16) */
#include <stdio.h>

static int sum(const int *a, int n) {
  int s;
  for (int i = 0; i < n; i++)
    s += a[i];
  return s;
}

int main(void) {
  int a[3] = {1, 2, 3};
  printf("summing\n");
  int s = sum(a, 3);
  if (s == 6)
    printf("six\n");
  else
    printf("not six\n");
  return 0;
}
