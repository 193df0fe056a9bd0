/* Unsigned arithmetic wraps modulo 2^N; unsigned division, modulo,
   comparison and shifts. */
#include "test.h"

int main(void) {
  unsigned u = 0, umax = 4294967295u, a = 4000000000u;
  unsigned long ul = 0, big = 18446744073709551615UL;
  unsigned long long ull = 1;
  unsigned short us = 65535;
  unsigned char uc = 255;
  unsigned n;
  int count;

  ASSERT(4294967295, u - 1);
  ASSERT(0, umax + 1);
  ASSERT(4294967294, umax + umax);
  ASSERT(1, umax * umax);
  ASSERT(0, 65536u * 65536u);
  ASSERT(3705032704, a * 2);
  ASSERT(2147483647, umax / 2);
  ASSERT(5, umax % 10);
  ASSERT(429496729, umax / 10);
  ASSERT(2000000000, a / 2);
  ASSERT(1, umax > 1);
  ASSERT(0, umax < 1);
  ASSERT(1, a > 3999999999u);
  ASSERT(4294967295, -(1u));
  ASSERT(4294967295, ~0u);
  ASSERT(1, -a == 294967296);
  ASSERT(15, umax >> 28);
  ASSERT(1, umax >> 31);
  ASSERT(4294967294, umax << 1);
  ASSERT(0, umax << 31 << 1);
  ASSERT(-1, ul - 1);
  ASSERT(1, (ul - 1) >> 63);
  ASSERT(9223372036854775807, (ul - 1) / 2);
  ASSERT(5, big % 10);
  ASSERT(1, big == (unsigned long)-1);
  ASSERT(-1, ~0UL);
  ASSERT(9223372036854775807, ~0UL >> 1);
  ASSERT(0, big + 1);
  ASSERT(1, big > 0);
  ASSERT(-9223372036854775807 - 1, ull << 63);
  ASSERT(1, ull << 63 > 0);
  ASSERT(4611686018427387904, (ull << 63) >> 1);
  ASSERT(65536, us + 1);
  us++;
  ASSERT(0, us);
  us--;
  ASSERT(65535, us);
  uc++;
  ASSERT(0, uc);
  uc -= 2;
  ASSERT(254, uc);
  ASSERT(127, uc / 2);
  ASSERT(3, 4294967295u % 7);
  ASSERT(613566755, 4294967295u / 7 - 1);
  ASSERT(3, 10u / 3u);
  ASSERT(1, 10u % 3u);

  count = 0;
  for (n = 5; n != 0; n--)
    count++;
  ASSERT(5, count);
  count = 0;
  for (n = 3; n < 10; n--)
    count++;
  ASSERT(4, count);
  ASSERT(4294967295, n);
  count = 0;
  n = 1;
  while (n) {
    n <<= 1;
    count++;
  }
  ASSERT(32, count);
  printf("OK\n");
  return 0;
}
