/* kind: invalid-free */
/* bug: free() of a pointer advanced past the leading spaces, inside the block (line 18) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *line; /* still reachable at exit: no leak */

int main(void) {
  line = malloc(32);
  if (!line)
    return 2;
  strcpy(line, "   padded");
  char *p = line;
  while (*p == ' ')
    p++;
  printf("trimmed: %s\n", p);
  free(p);
  return 0;
}
