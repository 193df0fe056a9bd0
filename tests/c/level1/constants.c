/* Integer constants: decimal, octal, hex, suffixes, and the type each gets
   (seen through sizeof and through signed/unsigned comparisons). */
#include "test.h"

int main(void) {
  ASSERT(0, 0);
  ASSERT(8, 010);
  ASSERT(511, 0777);
  ASSERT(0, 00);
  ASSERT(342391, 01234567);
  ASSERT(16, 0x10);
  ASSERT(255, 0XFF);
  ASSERT(255, 0xff);
  ASSERT(43981, 0xAbCd);
  ASSERT(11259375, 0xABCDEF);
  ASSERT(0, 0x0);
  ASSERT(1, 0x00000001);
  ASSERT(1234567890, 1234567890);
  ASSERT(15, 017L);
  ASSERT(255, 0xFFu);
  ASSERT(-1, -0x1);

  ASSERT(4, sizeof(0));
  ASSERT(4, sizeof(2147483647));
  ASSERT(8, sizeof(2147483648));
  ASSERT(8, sizeof(-2147483648));
  ASSERT(-2147483648, -2147483648);
  ASSERT(4, sizeof(0x7fffffff));
  ASSERT(4, sizeof(0x80000000));
  ASSERT(4, sizeof(0xffffffff));
  ASSERT(4, sizeof(037777777777));
  ASSERT(8, sizeof(4294967295));
  ASSERT(8, sizeof(4294967296));
  ASSERT(4294967296, 4294967296);
  ASSERT(8, sizeof(0x100000000));
  ASSERT(8, sizeof(0x7fffffffffffffff));
  ASSERT(8, sizeof(0xffffffffffffffff));
  ASSERT(9223372036854775807, 9223372036854775807);
  ASSERT(9223372036854775807, 0x7fffffffffffffff);

  ASSERT(1, -1 < 0x7fffffff);
  ASSERT(0, -1 < 0x80000000);
  ASSERT(0, -1 < 0xffffffff);
  ASSERT(0, -1 < 037777777777);
  ASSERT(1, -1 < 2147483648);
  ASSERT(1, -1 < 4294967295);
  ASSERT(1, -1 < 0x100000000);
  ASSERT(0, -1 < 0xffffffffffffffff);
  ASSERT(1, -1L < 0xffffffff);
  ASSERT(0, 0xffffffff + 1);
  ASSERT(4294967296, 4294967295 + 1);
  ASSERT(1, 0xffffffffffffffff >> 63);
  ASSERT(2147483648, -0x80000000);
  ASSERT(4294967295, -1u);
  ASSERT(4294967295, - 1u);

  ASSERT(4, sizeof(1U));
  ASSERT(4, sizeof(1u));
  ASSERT(8, sizeof(1L));
  ASSERT(8, sizeof(1l));
  ASSERT(8, sizeof(1UL));
  ASSERT(8, sizeof(1ul));
  ASSERT(8, sizeof(1LU));
  ASSERT(8, sizeof(1lu));
  ASSERT(8, sizeof(1Ul));
  ASSERT(8, sizeof(1LL));
  ASSERT(8, sizeof(1ll));
  ASSERT(8, sizeof(1ULL));
  ASSERT(8, sizeof(1ull));
  ASSERT(8, sizeof(1LLU));
  ASSERT(8, sizeof(1llu));
  ASSERT(8, sizeof(1uLL));
  ASSERT(4, sizeof(4294967295U));
  ASSERT(8, sizeof(4294967296U));
  ASSERT(8, sizeof(0x10L));
  ASSERT(4, sizeof('a'));
  ASSERT(1, 1U - 2 > 0);
  ASSERT(0, 1L - 2 > 0);
  ASSERT(1, 1UL - 2 > 0);
  ASSERT(0, 1LL - 2 > 0);
  ASSERT(1, 1ULL - 2 > 0);
  ASSERT(4294967295, 0u - 1);
  ASSERT(-1, 0UL - 1);
  ASSERT(1, (0UL - 1) >> 63);
  ASSERT(1, (1U << 31) >> 31);
  ASSERT(1, 1L << 31 > 0);
  ASSERT(0, -1 < 1U);
  ASSERT(1, -1 < 1L);
  ASSERT(0, -1 < 1UL);
  ASSERT(1, -1 < 1LL);
  ASSERT(0, -1 < 1ULL);
  ASSERT(100, 100L);
  ASSERT(100, 100UL);
  ASSERT(100, 0144);
  ASSERT(100, 0x64);
  ASSERT(1, 100 == 0144 && 0144 == 0x64);
  printf("OK\n");
  return 0;
}
