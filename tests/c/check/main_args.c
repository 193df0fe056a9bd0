/* Correct: main's argc and argv, which the start code hands over, are defined. The
   branch depends on argc, an address on argv and the output on both. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc > 1)
    printf("%d arguments, the last %s\n", argc - 1, argv[argc - 1]);
  else
    printf("no arguments\n");
  printf("the program's name has %zu characters\n", strlen(argv[0]));
  return argv[argc] != NULL;
}
