/* kind: heap-corruption */
/* bug: a store at index -1 of a heap array, over the block's header, then free (line 14) */
/* found: free(a) reads the broken header (line 16) */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  long *a = malloc(8 * sizeof(long));
  if (!a)
    return 2;
  for (int i = 0; i < 8; i++)
    a[i] = i;
  printf("a[7] = %ld\n", a[7]);
  a[-1] = 123456789;
  printf("freeing\n");
  free(a);
  printf("freed\n");
  return 0;
}
