/* kind: write-to-read-only */
/* bug: a store into a const global through a cast-away pointer (line 11) */
#include <stdio.h>

const int limits[3] = {10, 20, 30};

int main(void) {
  int *p = (int *)&limits[1];
  printf("limit = %d\n", limits[1]);
  printf("raising the limit\n");
  *p = 25;
  printf("limit = %d\n", limits[1]);
  return 0;
}
