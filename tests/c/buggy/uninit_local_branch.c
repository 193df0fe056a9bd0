/* kind: uninitialized-read */
/* bug: the branch depends on the uninitialized local 'missing' (line 14) */
#include <stdio.h>

int main(void) {
  int found;
  int a[4] = {3, 1, 4, 1};
  for (int i = 0; i < 4; i++)
    if (a[i] == 4)
      found = 1;
  printf("searched\n");
  a[2] = 0;
  int missing;
  if (missing)
    printf("missing\n");
  printf("found = %d\n", found);
  return 0;
}
