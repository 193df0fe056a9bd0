/* Fault: the program writes more than --max-output allows (line 9, the 42nd line). */
/* options: --max-output 1K */
#include <stdio.h>

int main(void) {
  printf("before the fault\n");
  /* 24 bytes a line: the 42nd line passes 1,024 bytes. */
  for (int i = 1; i <= 1000; i++)
    printf("line %4d of the output\n", i);
  return 0;
}
