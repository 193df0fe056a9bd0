/* kind: heap-buffer-overflow */
/* bug: at i = 0 the shift stores to v[-1], before the block (line 14) */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int *v = malloc(6 * sizeof(int));
  if (!v)
    return 2;
  for (int i = 0; i < 6; i++)
    v[i] = i;
  printf("shifting left\n");
  for (int i = 0; i < 6; i++)
    v[i - 1] = v[i];
  printf("v[0] = %d\n", v[0]);
  free(v);
  return 0;
}
