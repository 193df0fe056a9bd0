/* 600 live blocks: each snapshot of `segvm viz` records the first 500. */
#include <stdlib.h>

int main(void) {
  void *blocks[600];
  for (int i = 0; i < 600; i++)
    blocks[i] = malloc(16);
  for (int i = 0; i < 600; i++)
    free(blocks[i]);
  return 0;
}
