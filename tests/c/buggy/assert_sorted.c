/* kind: assertion-failure */
/* bug: the sort stops a pass early, so the sortedness assertion fails (line 24) */
#include <assert.h>
#include <stdio.h>

static void sort(int *a, int n) {
  /* bubble sort that stops one pass too early */
  for (int pass = 0; pass < n - 2; pass++)
    for (int i = 0; i + 1 < n - pass; i++)
      if (a[i] > a[i + 1]) {
        int t = a[i];
        a[i] = a[i + 1];
        a[i + 1] = t;
      }
}

int main(void) {
  int a[5] = {5, 4, 3, 2, 1};
  sort(a, 5);
  for (int i = 0; i < 5; i++)
    printf("%d ", a[i]);
  printf("\n");
  for (int i = 0; i + 1 < 5; i++)
    assert(a[i] <= a[i + 1]);
  return 0;
}
