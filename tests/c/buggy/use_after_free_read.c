/* kind: heap-use-after-free */
/* bug: a load through a pointer whose block was freed (line 14) */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int *score = malloc(sizeof(int));
  if (!score)
    return 2;
  *score = 90;
  printf("score = %d\n", *score);
  free(score);
  printf("after free\n");
  printf("score = %d\n", *score);
  return 0;
}
