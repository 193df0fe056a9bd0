/* kind: memory-leak */
/* bug: square_sum() never frees its array: 5 blocks, 60 bytes in all (line 7) */
#include <stdio.h>
#include <stdlib.h>

static int square_sum(int n) {
  int *sq = malloc(n * sizeof(int));
  int s = 0;
  for (int i = 0; i < n; i++) {
    sq[i] = i * i;
    s += sq[i];
  }
  return s;
}

int main(void) {
  for (int n = 1; n <= 5; n++)
    printf("%d\n", square_sum(n));
  return 0;
}
