/* kind: write-to-read-only */
/* bug: a store into a string literal through a char * (line 9) */
#include <stdio.h>

int main(void) {
  char *greeting = "hello";
  printf("%s\n", greeting);
  printf("capitalizing\n");
  greeting[0] = 'H';
  printf("%s\n", greeting);
  return 0;
}
