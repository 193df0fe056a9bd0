/* kind: heap-use-after-free */
/* bug: a pointer into the block that realloc() moved away from and freed (line 18) */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int *items = malloc(2 * sizeof(int));
  int *other = malloc(2 * sizeof(int)); /* right after: items cannot grow in place */
  if (!items || !other)
    return 2;
  items[0] = 1;
  items[1] = 2;
  int *first = &items[0];
  int *grown = realloc(items, 1024 * sizeof(int));
  if (!grown)
    return 2;
  printf("grown[1] = %d\n", grown[1]);
  printf("first = %d\n", *first);
  free(grown);
  free(other);
  return 0;
}
