/* Fault: a loop writes past a local array over the saved frame pointer and the return
   address (line 10); the return (line 12) goes to an address that is not code. */
#include <stdio.h>

static void fill(long value) {
  long buffer[2];
  printf("filling\n");
  /* In LP64, buffer[2] is the saved frame pointer and buffer[3] the return address. */
  for (int i = 0; i < 4; i++)
    buffer[i] = value;
  printf("filled %ld\n", buffer[0]);
}

int main(void) {
  printf("before the fault\n");
  fill(0x41414141);
  printf("not reached\n");
  return 0;
}
