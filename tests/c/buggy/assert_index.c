/* kind: assertion-failure */
/* bug: the index 4 fails the bounds assertion of a 4-element array (line 7) */
#include <assert.h>
#include <stdio.h>

static int get(const int *a, int n, int i) {
  assert(i >= 0 && i < n);
  return a[i];
}

int main(void) {
  int a[4] = {1, 2, 3, 4};
  printf("a[2] = %d\n", get(a, 4, 2));
  printf("a[4] = %d\n", get(a, 4, 4));
  return 0;
}
