/* kind: segmentation-fault */
/* bug: a load 4 MiB past a 32-byte heap block, above the break (line 14) */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  char *block = malloc(32);
  if (!block)
    return 2;
  block[0] = 'x';
  printf("block[0] = %c\n", block[0]);
  /* 4 MiB past a small block: above the heap's break, in the unmapped gap. */
  printf("reading far past the block\n");
  printf("far = %d\n", block[4 * 1024 * 1024]);
  free(block);
  return 0;
}
