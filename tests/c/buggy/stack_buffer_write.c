/* kind: stack-buffer-overflow */
/* bug: the loop runs to i <= 4 and stores one past a 4-int local array (line 10) */
#include <stdio.h>

int main(void) {
  int guard = 7;
  int a[4];
  printf("filling 4 ints\n");
  for (int i = 0; i <= 4; i++)
    a[i] = i;
  printf("a[3] = %d, guard = %d\n", a[3], guard);
  return 0;
}
