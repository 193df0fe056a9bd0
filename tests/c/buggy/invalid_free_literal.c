/* kind: invalid-free */
/* bug: free() of a string literal (line 9) */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  char *msg = "constant";
  printf("%s\n", msg);
  free(msg);
  return 0;
}
