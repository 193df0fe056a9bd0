/* kind: null-dereference */
/* bug: sum() indexes the NULL array it is given (line 8) */
#include <stdio.h>

static int sum(const int *a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += a[i];
  return s;
}

int main(void) {
  int data[4] = {1, 2, 3, 4};
  printf("sum = %d\n", sum(data, 4));
  printf("sum of nothing = %d\n", sum(NULL, 2));
  return 0;
}
