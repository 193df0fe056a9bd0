/* kind: heap-buffer-overflow */
/* bug: the loop runs to i <= n and reads one int past a 10-int block (line 15) */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int n = 10;
  int *a = malloc(n * sizeof(int));
  if (!a)
    return 2;
  for (int i = 0; i < n; i++)
    a[i] = i * i;
  int sum = 0;
  for (int i = 0; i <= n; i++)
    sum += a[i];
  printf("sum = %d\n", sum);
  free(a);
  return 0;
}
