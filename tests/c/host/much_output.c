/* Five lines of a mebibyte each: `segvm viz` keeps at most 4 MiB of output in its page. */
#include <stdio.h>
#include <string.h>

static char line[1 << 20];

int main(void) {
  memset(line, 'x', sizeof line - 1);
  for (int i = 0; i < 5; i++)
    puts(line);
  return 0;
}
