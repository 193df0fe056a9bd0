/* kind: invalid-free */
/* bug: free() of a static array returned as a fallback (line 24) */
#include <stdio.h>
#include <stdlib.h>

static char fallback[64] = "default";

static char *get_name(int have_one) {
  if (have_one) {
    char *s = malloc(8);
    if (s)
      s[0] = 'x', s[1] = '\0';
    return s;
  }
  return fallback;
}

int main(void) {
  char *a = get_name(1);
  printf("a = %s\n", a);
  free(a);
  char *b = get_name(0);
  printf("b = %s\n", b);
  free(b);
  return 0;
}
