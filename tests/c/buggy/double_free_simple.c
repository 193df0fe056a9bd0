/* kind: double-free */
/* bug: the same block freed twice (line 14) */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int *a = malloc(4 * sizeof(int));
  if (!a)
    return 2;
  a[0] = 42;
  printf("a[0] = %d\n", a[0]);
  free(a);
  printf("freed once\n");
  free(a);
  printf("freed twice\n");
  return 0;
}
