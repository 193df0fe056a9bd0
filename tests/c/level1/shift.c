/* Shift operators. Right shift of a negative value is arithmetic (as gcc);
   the result has the promoted type of the left operand. */
#include "test.h"

int main(void) {
  int x = -16, one = 1, n = 3;
  unsigned u = 0x80000000u;
  long l = -1;
  char c = -128;
  unsigned char uc = 0x80;
  short s = -1;
  unsigned short us = 0xffff;

  ASSERT(1, 1<<0);
  ASSERT(8, 1<<3);
  ASSERT(10, 5<<1);
  ASSERT(2, 5>>1);
  ASSERT(0, 5>>3);
  ASSERT(1073741824, 1<<30);
  ASSERT(8, one << n);
  ASSERT(0, one >> n);
  ASSERT(255, 0xff00 >> 8);
  ASSERT(65280, 0xff << 8);
  ASSERT(-4, x >> 2);
  ASSERT(-8, x >> 1);
  ASSERT(-1, x >> 30);
  ASSERT(-1, -1 >> 31);
  ASSERT(-3, -5 >> 1);
  ASSERT(-1, -1 >> 1);
  ASSERT(2147483648, 1u << 31);
  ASSERT(2147483648, 1L << 31);
  ASSERT(4294967296, 1L << 32);
  ASSERT(4611686018427387904, 1L << 62);
  ASSERT(1, u >> 31);
  ASSERT(1073741824, u >> 1);
  ASSERT(15, 4294967295u >> 28);
  ASSERT(15, (unsigned)-1 >> 28);
  ASSERT(-1, l >> 63);
  ASSERT(-1, l >> 1);
  ASSERT(1, (unsigned long)l >> 63);
  ASSERT(4294967295, (unsigned long)l >> 32);
  ASSERT(-9223372036854775807 - 1, 1UL << 63);
  ASSERT(-64, c >> 1);
  ASSERT(-1, c >> 7);
  ASSERT(256, uc << 1);
  ASSERT(64, uc >> 1);
  ASSERT(1, uc >> 7);
  ASSERT(-1, s >> 4);
  ASSERT(4095, us >> 4);
  ASSERT(1048560, us << 4);
  ASSERT(4, sizeof(1 << 2L));
  ASSERT(8, sizeof(1L << 2));
  ASSERT(4, sizeof(c << 1));
  ASSERT(4, sizeof(uc >> 1));
  ASSERT(4, sizeof(1u << 2));
  ASSERT(4, sizeof(1 << 2LL));
  ASSERT(8, 1 << 3L);
  ASSERT(1, 256 >> 8 >> 0);
  ASSERT(1, (x >> 2) == x / 4);
  ASSERT(0, (-5 >> 1) == -5 / 2);
  printf("OK\n");
  return 0;
}
