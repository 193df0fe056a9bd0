/* Function definitions, prototypes, parameters and return values,
   including conversion of arguments and results to the declared types. */
#include "test.h"

int add(int, int);
int sub(int a, int b);
long mul_long(long a, long b);
static int later(int x);
void nothing(void);
int six(int a, int b, int c, int d, int e, int f);
long ten(long a, long b, long c, long d, long e, long f, long g, long h,
         long i, long j);

int add(int x, int y) { return x + y; }
int sub(int a, int b) { return a - b; }
long mul_long(long a, long b) { return a * b; }
static int later(int x) { return x * 2; }

static int ret_const(void) { return 42; }
static char to_char(int x) { return x; }
static unsigned char to_uchar(int x) { return x; }
static short to_short(long x) { return x; }
static int to_int(long x) { return x; }
static unsigned to_unsigned(int x) { return x; }
static long to_long(int x) { return x; }
static int char_param(char c) { return c; }
static int uchar_param(unsigned char c) { return c; }
static int short_param(short s) { return s; }
static long long_param(long l) { return l; }
static unsigned long ulong_param(unsigned long x) { return x >> 60; }

int six(int a, int b, int c, int d, int e, int f) {
  return a * 100000 + b * 10000 + c * 1000 + d * 100 + e * 10 + f;
}
long ten(long a, long b, long c, long d, long e, long f, long g, long h,
         long i, long j) {
  return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 +
         j * 10;
}
static int mixed(char a, short b, int c, long d, unsigned char e, long long f,
                 unsigned g, int *h) {
  return a + b + c + (int)d + e + (int)f + (int)g + *h;
}

static int side;
void nothing(void) { side = 1; }
static void early(int x) {
  side = 10;
  if (x)
    return;
  side = 20;
}
static int modify_param(int x) {
  x = x * 2;
  x++;
  return x;
}
static int abs_val(int x) {
  if (x < 0)
    return -x;
  return x;
}
static int max3(int a, int b, int c) {
  int m = a;
  if (b > m)
    m = b;
  if (c > m)
    m = c;
  return m;
}
static int first_char(char *s) { return *s; }
static int array_second(int a[]) { return a[1]; }
static int unused_params(int a, int b) { return a; }
static int call_in_call(int x) { return add(later(x), sub(x, 1)); }

int main(void) {
  int v = 5;
  int arr[3] = {1, 2, 3};

  ASSERT(42, ret_const());
  ASSERT(7, add(3, 4));
  ASSERT(-1, sub(3, 4));
  ASSERT(1, sub(4, 3));
  ASSERT(10000000000, mul_long(100000, 100000));
  ASSERT(8, later(4));
  ASSERT(123456, six(1, 2, 3, 4, 5, 6));
  ASSERT(385, ten(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
  ASSERT(-385, ten(-1, -2, -3, -4, -5, -6, -7, -8, -9, -10));
  ASSERT(41, mixed(1, 2, 3, 4, 5, 6, 7, &v) + 8);
  ASSERT(21, add(add(1, 2), add(add(3, 4), add(5, 6))));
  ASSERT(14, add(later(3), later(4)));
  ASSERT(11, call_in_call(4));

  ASSERT(44, to_char(300));
  ASSERT(-56, to_char(200));
  ASSERT(200, to_uchar(200));
  ASSERT(255, to_uchar(-1));
  ASSERT(4464, to_short(70000));
  ASSERT(1, to_int(4294967297));
  ASSERT(4294967295, to_unsigned(-1));
  ASSERT(-1, to_long(-1));
  ASSERT(44, char_param(v * 60));
  ASSERT(-1, char_param(v * 51));
  ASSERT(255, uchar_param(-1));
  ASSERT(4464, short_param(v * 14000));
  ASSERT(-1, short_param(v * 13107));
  ASSERT(-7, long_param(-7));
  ASSERT(5000000000, long_param(5000000000));
  ASSERT(15, ulong_param(-1));
  ASSERT(0, ulong_param(1));
  ASSERT(5, add(2 > 1, 4));
  ASSERT(7, add('a', -90));
  ASSERT(1, sizeof(to_char(1)));
  ASSERT(2, sizeof(to_short(1)));
  ASSERT(8, sizeof(to_long(1)));

  side = 0;
  nothing();
  ASSERT(1, side);
  early(1);
  ASSERT(10, side);
  early(0);
  ASSERT(20, side);
  ASSERT(11, modify_param(v));
  ASSERT(5, v);
  ASSERT(5, abs_val(-5));
  ASSERT(5, abs_val(5));
  ASSERT(9, max3(9, 2, 3));
  ASSERT(9, max3(2, 9, 3));
  ASSERT(9, max3(2, 3, 9));
  ASSERT('q', first_char("qrs"));
  ASSERT(2, array_second(arr));
  ASSERT(3, array_second(arr + 1));
  ASSERT(4, unused_params(4, 5));
  printf("OK\n");
  return 0;
}
