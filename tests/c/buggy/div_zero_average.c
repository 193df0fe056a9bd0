/* kind: division-by-zero */
/* bug: the average of zero marks divides by n = 0 (line 9) */
#include <stdio.h>

static int average(const int *a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += a[i];
  return s / n;
}

int main(void) {
  int marks[3] = {12, 15, 18};
  printf("average = %d\n", average(marks, 3));
  printf("average of no marks = %d\n", average(marks, 0));
  return 0;
}
