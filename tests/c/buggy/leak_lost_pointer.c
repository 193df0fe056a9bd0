/* kind: memory-leak */
/* bug: the only pointer to a 100-byte block is overwritten with NULL (line 13) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *buf = malloc(100);
  if (!buf)
    return 2;
  strcpy(buf, "temporary");
  printf("%s\n", buf);
  buf = NULL;
  printf("exiting\n");
  return 0;
}
