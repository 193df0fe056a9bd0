/* kind: uninitialized-read */
/* bug: totals[2] of a malloc'd block is printed but never set (line 13) */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int *totals = malloc(3 * sizeof(int));
  if (!totals)
    return 2;
  totals[0] = 10;
  totals[1] = 20;
  printf("totals[0] = %d\n", totals[0]);
  printf("totals[2] = %d\n", totals[2]);
  free(totals);
  return 0;
}
