/* if / else, else-if chains and the dangling else (binds to the inner if).
   gcc-extra-flags: -Wno-dangling-else */
#include "test.h"

static int classify(int x) {
  if (x < 0)
    return -1;
  else if (x == 0)
    return 0;
  else if (x < 10)
    return 1;
  else
    return 2;
}
static int dangling(int a, int b) {
  int r = 0;
  if (a)
    if (b)
      r = 1;
    else
      r = 2;
  return r;
}
static int braced(int a, int b) {
  int r = 0;
  if (a) {
    if (b)
      r = 1;
  } else
    r = 2;
  return r;
}
static int early_return(int x) {
  if (x > 5)
    return 100;
  x = x * 2;
  return x;
}
static int nested(int a, int b, int c) {
  if (a) {
    if (b) {
      if (c)
        return 7;
      return 6;
    }
    return 5;
  }
  return 4;
}
static int no_else(int x) {
  int r = 1;
  if (x)
    r = 2;
  return r;
}

int main(void) {
  int x = 0;
  int *p = &x, *np = 0;
  long big = 4294967296;
  char c = 'a';

  ASSERT(-1, classify(-5));
  ASSERT(0, classify(0));
  ASSERT(1, classify(9));
  ASSERT(2, classify(10));
  ASSERT(1, dangling(1, 1));
  ASSERT(2, dangling(1, 0));
  ASSERT(0, dangling(0, 1));
  ASSERT(0, dangling(0, 0));
  ASSERT(1, braced(1, 1));
  ASSERT(0, braced(1, 0));
  ASSERT(2, braced(0, 1));
  ASSERT(100, early_return(6));
  ASSERT(10, early_return(5));
  ASSERT(7, nested(1, 1, 1));
  ASSERT(6, nested(1, 1, 0));
  ASSERT(5, nested(1, 0, 1));
  ASSERT(4, nested(0, 1, 1));
  ASSERT(2, no_else(-1));
  ASSERT(1, no_else(0));

  if (1)
    x = 1;
  ASSERT(1, x);
  if (0)
    x = 2;
  ASSERT(1, x);
  if (0)
    x = 3;
  else
    x = 4;
  ASSERT(4, x);
  if (big)
    x = 5;
  ASSERT(5, x);
  if (p)
    x = 6;
  ASSERT(6, x);
  if (np)
    x = 7;
  ASSERT(6, x);
  if (!np)
    x = 8;
  ASSERT(8, x);
  if (c == 'a')
    x = 9;
  ASSERT(9, x);
  if (-1)
    x = 10;
  ASSERT(10, x);
  if ((x = 0))
    x = 11;
  ASSERT(0, x);
  if (x == 0) {
    x = 12;
    x++;
  }
  ASSERT(13, x);
  if (x)
    ;
  else
    x = 0;
  ASSERT(13, x);
  if (x > 10 && x < 20)
    x = 14;
  ASSERT(14, x);
  if (x < 0 || x > 100)
    x = 0;
  else if (x % 2)
    x = 1;
  else
    x = 2;
  ASSERT(2, x);
  if (x == 2) {
  }
  ASSERT(2, x);
  printf("OK\n");
  return 0;
}
