/* kind: assertion-failure */
/* bug: the character 'z' is not found, so the non-NULL assertion fails (line 20) */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

static char *find_char(char *s, char c) {
  for (; *s; s++)
    if (*s == c)
      return s;
  return NULL;
}

int main(void) {
  char text[] = "segments";
  char *g = find_char(text, 'g');
  assert(g != NULL);
  printf("found %c\n", *g);
  char *z = find_char(text, 'z');
  assert(z != NULL);
  printf("found %c\n", *z);
  return 0;
}
