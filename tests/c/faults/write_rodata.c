/* Fault: write into a string literal through char * (line 10). */
#include <stdio.h>

int main(int argc, char **argv) {
  char *s = "hello";
  (void)argv;
  printf("before the fault\n");
  printf("%s\n", s);
  printf("writing into a literal\n");
  s[argc - 1] = 'J';
  printf("not reached: %s\n", s);
  return 0;
}
