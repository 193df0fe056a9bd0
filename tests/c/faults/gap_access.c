/* Fault: read from the unmapped gap between the heap and the stack
   (line 14): 4 MiB past a small heap block. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  char *block = malloc(16);
  int *far;
  if (!block)
    return 2;
  block[0] = 1;
  printf("before the fault\n");
  far = (int *)(block + 4 * 1024 * 1024);
  printf("value: %d\n", *far);
  printf("not reached\n");
  free(block);
  return 0;
}
