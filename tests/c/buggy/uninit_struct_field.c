/* kind: uninitialized-read */
/* bug: the malloc'd struct's 'verbose' field decides a branch but was never set (line 19) */
#include <stdio.h>
#include <stdlib.h>

struct config {
  int width;
  int height;
  int verbose;
};

int main(void) {
  struct config *c = malloc(sizeof *c);
  if (!c)
    return 2;
  c->width = 80;
  c->height = 24;
  printf("%dx%d\n", c->width, c->height);
  if (c->verbose)
    printf("verbose\n");
  free(c);
  return 0;
}
