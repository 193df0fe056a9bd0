/* kind: heap-buffer-overflow */
/* bug: the terminating '\0' is stored one past a 5-byte block (line 13) */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  char *s = malloc(5);
  if (!s)
    return 2;
  printf("filling 5 bytes\n");
  for (int i = 0; i < 5; i++)
    s[i] = 'a' + i;
  s[5] = '\0';
  printf("done\n");
  free(s);
  return 0;
}
