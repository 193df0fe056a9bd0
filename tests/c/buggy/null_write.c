/* kind: null-dereference */
/* bug: an increment through a pointer that was set to NULL (line 8) */
#include <stdio.h>

int main(void) {
  int *counter = NULL;
  printf("incrementing a counter\n");
  *counter += 1;
  printf("counter = %d\n", *counter);
  return 0;
}
