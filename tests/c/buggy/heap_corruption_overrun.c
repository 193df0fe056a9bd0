/* kind: heap-corruption */
/* bug: memset writes 32 bytes into a 16-byte block, over the next header (line 15) */
/* found: free(second) reads the broken header (line 17) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *first = malloc(16);
  char *second = malloc(16);
  if (!first || !second)
    return 2;
  strcpy(second, "intact");
  /* 32 bytes into a 16-byte block: over the next block's header. */
  memset(first, 'A', 32);
  printf("second = %.6s\n", second);
  free(second);
  free(first);
  printf("freed\n");
  return 0;
}
