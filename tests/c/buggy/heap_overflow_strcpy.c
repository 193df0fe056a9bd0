/* kind: heap-buffer-overflow */
/* bug: malloc(strlen(s)) leaves no room for the '\0' that strcpy writes (line 10) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *duplicate(const char *s) {
  char *copy = malloc(strlen(s)); /* no room for the terminating '\0' */
  if (copy)
    strcpy(copy, s);
  return copy;
}

int main(void) {
  printf("copying\n");
  char *d = duplicate("segments");
  printf("copied %c\n", d[0]);
  free(d);
  return 0;
}
