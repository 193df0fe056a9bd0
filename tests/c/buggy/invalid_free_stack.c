/* kind: invalid-free */
/* bug: free() of a local array (line 10) */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int numbers[4] = {1, 2, 3, 4};
  int *p = numbers;
  printf("numbers[1] = %d\n", p[1]);
  free(p);
  return 0;
}
