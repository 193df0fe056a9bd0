/* kind: uninitialized-read */
/* bug: puts prints a name whose terminating '\0' was never written (line 16) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  const char *src = "segvm";
  char *name = malloc(16);
  if (!name)
    return 2;
  /* strlen(src) bytes: the '\0' is not copied. */
  memcpy(name, src, strlen(src));
  printf("copied %zu bytes\n", strlen(src));
  name[15] = '\0';
  puts(name);
  free(name);
  return 0;
}
