/* kind: stack-buffer-overflow */
/* bug: strcpy of 12 bytes into an 8-byte local array (line 9) */
#include <stdio.h>
#include <string.h>

int main(void) {
  char name[8];
  printf("copying a long name\n");
  strcpy(name, "Bartholomew");
  printf("name = %s\n", name);
  return 0;
}
