/* kind: stack-use-after-return */
/* bug: greeting() returns a pointer to its own local buffer (line 17) */
#include <stdio.h>
#include <string.h>

static char *greeting(const char *name) {
  char buf[32];
  char *p = buf;
  strcpy(buf, "hi ");
  strcat(buf, name);
  return p;
}

int main(void) {
  char *g = greeting("ana");
  printf("built a greeting\n");
  printf("first char %c\n", g[0]);
  return 0;
}
