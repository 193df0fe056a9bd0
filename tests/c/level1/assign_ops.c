/* Simple and compound assignment; results are converted to the lvalue type
   (char/short lvalues truncate). */
#include "test.h"

static int idx_calls;
static int idx(int i) { idx_calls++; return i; }

int main(void) {
  int a, b, c, i;
  int arr[3] = {0, 0, 0};
  int *p;
  char ch;
  unsigned char uc;
  short s;
  unsigned short us;
  long l;
  unsigned u;

  ASSERT(3, a = 3);
  ASSERT(3, a);
  ASSERT(5, a = b = c = 5);
  ASSERT(15, a + b + c);
  ASSERT(8, (a = 5, a += 3));
  ASSERT(8, a);
  ASSERT(6, a -= 2);
  ASSERT(18, a *= 3);
  ASSERT(6, a /= 3);
  ASSERT(2, a %= 4);
  ASSERT(16, a <<= 3);
  ASSERT(4, a >>= 2);
  ASSERT(5, a |= 1);
  ASSERT(4, a &= 6);
  ASSERT(2, a ^= 6);
  ASSERT(2, a);
  ASSERT(-3, (a = -7, a /= 2));
  ASSERT(-1, (a = -7, a %= 2));
  ASSERT(-2, (a = -7, a >>= 2));
  ASSERT(13, (a = 10, a -= -3));
  ASSERT(107, (a = 10, a += 'a'));
  ASSERT(15, (a = 5, a *= 3L));

  ASSERT(-56, (ch = 100, ch += 100));
  ASSERT(-56, ch);
  ASSERT(44, (ch = 0, ch += 300));
  ASSERT(16, (ch = 0x11, ch <<= 4));
  ASSERT(-64, (ch = -128, ch >>= 1));
  ASSERT(-127, (ch = 1, ch |= 0x80));
  ASSERT(1, (ch = -127, ch &= 0x0f));
  ASSERT(65, (ch = 'a', ch ^= 32));
  ASSERT(-6, (ch = -20, ch %= 7));
  ASSERT(-128, (ch = 64, ch *= 2));
  ASSERT(4, (uc = 250, uc += 10));
  ASSERT(246, (uc = 10, uc -= 20));
  ASSERT(238, (uc = 250, uc *= 3));
  ASSERT(0, (uc = 0x80, uc <<= 1));
  ASSERT(127, (uc = 0xff, uc >>= 1));
  ASSERT(-5536, (s = 30000, s += 30000));
  ASSERT(-2, (s = 0x7fff, s <<= 1));
  ASSERT(-1, (s = -1, s >>= 3));
  ASSERT(4464, (s = 0, s |= 70000));
  ASSERT(-3, (s = -7, s %= 4));
  ASSERT(560, (s = 0x1234, s &= 0xff0));
  ASSERT(-32768, (s = 0x7f00, s ^= 0xff00));
  ASSERT(-32767, (s = 1, s |= 0x18000));
  ASSERT(32769, (us = 1, us |= 0x18000));
  ASSERT(3, (us = 65535, us %= 6));
  ASSERT(4095, (us = 0xffff, us >>= 4));
  ASSERT(65520, (us = 0xffff, us <<= 4));
  ASSERT(0, (us = 65535, us += 1));
  ASSERT(4294967291, (u = 5, u -= 10));
  ASSERT(2147483647, (u = 4294967295u, u >>= 1));
  ASSERT(10000000000, (l = 100000, l *= 100000));
  ASSERT(-1, (l = -1, l >>= 40));
  ASSERT(1099511627776, (l = 1, l <<= 40));

  i = 0;
  arr[i++] += 5;
  ASSERT(5, arr[0]);
  ASSERT(1, i);
  arr[i++] -= 2;
  ASSERT(-2, arr[1]);
  ASSERT(2, i);
  idx_calls = 0;
  arr[idx(2)] += 7;
  arr[idx(2)] *= 3;
  ASSERT(21, arr[2]);
  ASSERT(2, idx_calls);

  p = arr;
  ASSERT(21, *(p += 2));
  ASSERT(-2, *(p -= 1));
  p += 1;
  *p <<= 1;
  ASSERT(42, arr[2]);
  ASSERT(42, *p);

  a = 1;
  b = 2;
  c = 3;
  a += b += c;
  ASSERT(6, a);
  ASSERT(5, b);
  a = 2;
  a *= a + 1;
  ASSERT(6, a);
  a = 100;
  a -= 10 - 5;
  ASSERT(95, a);
  a = 3;
  a <<= a;
  ASSERT(24, a);
  printf("OK\n");
  return 0;
}
