/* kind: memory-leak */
/* bug: the 64-byte block is lost when data is reassigned (line 12) */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int *data = malloc(16 * sizeof(int));
  if (!data)
    return 2;
  data[0] = 1;
  printf("data[0] = %d\n", data[0]);
  data = malloc(32 * sizeof(int));
  if (!data)
    return 2;
  data[0] = 2;
  printf("data[0] = %d\n", data[0]);
  free(data);
  return 0;
}
