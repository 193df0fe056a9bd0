/* kind: heap-buffer-overflow */
/* bug: a load of text[-1], before the block (line 14) */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  char *text = malloc(8);
  if (!text)
    return 2;
  for (int i = 0; i < 8; i++)
    text[i] = 'a' + i;
  int i = 0;
  printf("last char before index 0: ");
  printf("%d\n", text[i - 1]);
  free(text);
  return 0;
}
