/* kind: null-dereference */
/* bug: strlen() of the NULL that name_of() returns for an unknown id (line 18) */
#include <stdio.h>
#include <string.h>

static const char *name_of(int id) {
  if (id == 1)
    return "alice";
  if (id == 2)
    return "bob";
  return NULL;
}

int main(void) {
  for (int id = 1; id <= 3; id++) {
    const char *name = name_of(id);
    printf("user %d\n", id);
    printf("name length %d\n", (int)strlen(name));
  }
  return 0;
}
