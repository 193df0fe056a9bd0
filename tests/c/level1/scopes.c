/* Block scope: shadowing, nested blocks, declarations after statements. */
#include "test.h"

int x = 1;
static int y = 2;

static int get_x(void) { return x; }
static int shadow_param(int x) {
  {
    int x = 50;
    x++;
  }
  return x;
}
static int param_block(int n) {
  int r = n;
  {
    int n = 7;
    r += n;
  }
  return r + n;
}

int main(void) {
  ASSERT(1, x);
  ASSERT(2, y);
  {
    int x = 10;
    ASSERT(10, x);
    ASSERT(1, get_x());
    {
      int x = 20;
      ASSERT(20, x);
      x = 21;
      ASSERT(21, x);
    }
    ASSERT(10, x);
    {
      char x = 'c';
      ASSERT(1, sizeof x);
      ASSERT(99, x);
    }
    ASSERT(4, sizeof x);
    x = 11;
    ASSERT(11, x);
  }
  ASSERT(1, x);
  ASSERT(1, get_x());
  {
    long y = 5000000000;
    ASSERT(5000000000, y);
    ASSERT(8, sizeof y);
  }
  ASSERT(2, y);
  ASSERT(3, shadow_param(3));
  ASSERT(15, param_block(4));

  int a = 1;
  ASSERT(1, a);
  a++;
  int b = a * 10;
  ASSERT(20, b);
  for (int a = 100; a < 101; a++) {
    ASSERT(100, a);
    int b = a + 1;
    ASSERT(101, b);
  }
  ASSERT(2, a);
  ASSERT(20, b);
  for (int i = 0; i < 2; i++) {
    int i = 50;
    ASSERT(50, i);
  }
  {
    int *p;
    {
      int z = 77;
      p = &z;
      ASSERT(77, *p);
    }
    int z = 88;
    ASSERT(88, z);
  }
  {
    int n = 0;
    int i;
    for (i = 0; i < 3; i++) {
      int n = i * 10;
      (void)n;
    }
    ASSERT(0, n);
    for (i = 0; i < 3; i++) {
      int t = 0;
      t += i;
      n += t;
    }
    ASSERT(3, n);
  }
  x = 5;
  ASSERT(5, get_x());
  printf("OK\n");
  return 0;
}
