/* kind: double-free */
/* bug: a shallow struct copy frees the shared block a second time (line 20) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buffer {
  char *data;
};

int main(void) {
  struct buffer a, b;
  a.data = malloc(16);
  if (!a.data)
    return 2;
  strcpy(a.data, "shared");
  b = a; /* a shallow copy: both own the same block */
  printf("a = %s, b = %s\n", a.data, b.data);
  free(a.data);
  free(b.data);
  printf("done\n");
  return 0;
}
