/* Bitwise operators & | ^ ~ on signed, unsigned and mixed-size operands. */
#include "test.h"

static int popcount(unsigned x) {
  int n = 0;
  while (x) {
    n += x & 1;
    x >>= 1;
  }
  return n;
}

int main(void) {
  int a = 12, b = 10, m = -1, x = 40;
  long l = 0xff00ff00ff00ff00;
  char c = -16;
  unsigned u = 0xf0f0f0f0u;

  ASSERT(8, a & b);
  ASSERT(14, a | b);
  ASSERT(6, a ^ b);
  ASSERT(-13, ~a);
  ASSERT(0, ~m);
  ASSERT(-1, ~0);
  ASSERT(12, ~~a);
  ASSERT(0, 0 & 1);
  ASSERT(1, 3 & 1);
  ASSERT(3, 1 | 2);
  ASSERT(0, 5 ^ 5);
  ASSERT(12, a & m);
  ASSERT(-1, a | m);
  ASSERT(-13, a ^ m);
  ASSERT(-8, -8 & -1);
  ASSERT(-1, -8 | 7);
  ASSERT(-8, -16 ^ 8);
  ASSERT(8, x & -x);
  ASSERT(1, ~a + 1 == -a);
  ASSERT(240, c & 0xff);
  ASSERT(-16, c | 0);
  ASSERT(15, ~c);
  ASSERT(-15, c ^ 1);
  ASSERT(4042322160, u);
  ASSERT(252645135, ~u);
  ASSERT(4294967295, u | ~u);
  ASSERT(0, u & ~u);
  ASSERT(4042322160, u ^ 0);
  ASSERT(0xff00ff00ff00ff00, l);
  ASSERT(0x00ff00ff00ff00ff, ~l);
  ASSERT(0xff00, l & 0xffff);
  ASSERT(-1, l | ~l);
  ASSERT(0xff00ff0000000000, l & 0xffffffff00000000);
  ASSERT(0xff00ff00, l & 0xffffffff);
  ASSERT(0xff00ff00ff00ff00, l | 0xff00ff00);
  ASSERT(0xff00ff00ff00ffff, l | 0xff);
  ASSERT(16, popcount(u));
  ASSERT(32, popcount(0xffffffff));
  ASSERT(0, popcount(0));
  a = 5;
  b = 9;
  a ^= b;
  b ^= a;
  a ^= b;
  ASSERT(9, a);
  ASSERT(5, b);
  ASSERT(1, (a & 1) == 1);
  ASSERT(0, (a & 2) != 0);
  ASSERT(4, sizeof(c & c));
  ASSERT(8, sizeof(a & l));
  ASSERT(4, sizeof(~c));
  printf("OK\n");
  return 0;
}
