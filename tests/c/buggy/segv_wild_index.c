/* kind: segmentation-fault */
/* bug: a store at index 2^28 of a 16-element global array, far past any segment (line 12) */
#include <stdio.h>

int table[16];

int main(void) {
  long i = 1L << 28;
  table[3] = 7;
  printf("table[3] = %d\n", table[3]);
  printf("storing at index %ld\n", i);
  table[i] = 1;
  return 0;
}
