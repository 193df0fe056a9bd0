/* Signed overflow wraps around in two's complement.  Standard C leaves this
   undefined; segvm defines it, and the oracle is built with -fwrapv.
   no-ubsan (the sanitizer would flag the shifts below) */
#include "test.h"

int main(void) {
  int imax = 2147483647, imin = -2147483647 - 1, m = 1000000, one = 1;
  long lmax = 9223372036854775807, lmin = -9223372036854775807 - 1;
  unsigned short us = 65535;
  short smax = 32767;
  int i;

  ASSERT(-2147483648, imax + 1);
  ASSERT(2147483647, imin - 1);
  ASSERT(-2147483648, -imin);
  ASSERT(-2147483648, imin * -1);
  ASSERT(-2, imax * 2);
  ASSERT(0, imin * 2);
  ASSERT(-727379968, m * m);
  ASSERT(1000000000000, (long)m * m);
  ASSERT(-131071, us * us);
  ASSERT(4294836225, (unsigned)us * us);
  ASSERT(-9223372036854775807 - 1, lmax + 1);
  ASSERT(9223372036854775807, lmin - 1);
  ASSERT(-9223372036854775807 - 1, -lmin);
  ASSERT(-2, lmax * 2);
  ASSERT(-2147483648, one << 31);
  ASSERT(-2147483648, 1 << 31);
  ASSERT(-4, -1 << 2);
  ASSERT(-9223372036854775807 - 1, 1L << 63);
  ASSERT(32768, smax + 1);
  i = imax;
  i++;
  ASSERT(-2147483648, i);
  i--;
  ASSERT(2147483647, i);
  i += imax;
  ASSERT(-2, i);
  i = imin;
  i -= 1;
  ASSERT(2147483647, i);
  i = 1;
  for (int k = 0; k < 40; k++)
    i *= 3;
  ASSERT(689956897, i);
  printf("OK\n");
  return 0;
}
