/* Arithmetic operators: binary + - * / %, unary + -.
   Signed division truncates toward zero; % takes the sign of the dividend. */
#include "test.h"

static int seven(void) { return 7; }

int main(void) {
  int a = 7, b = -7, two = 2, mtwo = -2;
  long big = 1000000;
  long long ll = 3000000000LL;
  char c = 100;
  short s = -300;

  ASSERT(0, 0);
  ASSERT(42, 42);
  ASSERT(21, 5+20-4);
  ASSERT(41, 12 + 34 - 5);
  ASSERT(47, 5+6*7);
  ASSERT(15, 5*(9-6));
  ASSERT(4, (3+5)/2);
  ASSERT(-10, -10);
  ASSERT(10, -10+20);
  ASSERT(10, - -10);
  ASSERT(10, - - +10);
  ASSERT(-3, -(1+2));
  ASSERT(7, +a);
  ASSERT(-7, -a);
  ASSERT(7, -b);
  ASSERT(0, a + b);
  ASSERT(14, a - b);
  ASSERT(-49, a * b);
  ASSERT(49, b * b);
  ASSERT(3, a / two);
  ASSERT(-3, b / two);
  ASSERT(-3, a / mtwo);
  ASSERT(3, b / mtwo);
  ASSERT(1, a % two);
  ASSERT(-1, b % two);
  ASSERT(1, a % mtwo);
  ASSERT(-1, b % mtwo);
  ASSERT(0, 1 / 2);
  ASSERT(0, -1 / 2);
  ASSERT(0, 6 % 3);
  ASSERT(5, 5 % 7);
  ASSERT(-5, -5 % 7);
  ASSERT(2, 17 % 5);
  ASSERT(-2, -17 % 5);
  ASSERT(2, 17 % -5);
  ASSERT(-2, -17 % -5);
  ASSERT(-3, -17 / 5);
  ASSERT(-3, 17 / -5);
  ASSERT(3, -17 / -5);
  ASSERT(1, (b / two) * two + b % two == b);
  ASSERT(1, (a / mtwo) * mtwo + a % mtwo == a);
  ASSERT(1000000000000, big * big);
  ASSERT(999999, big - 1);
  ASSERT(-1000000, -big);
  ASSERT(500000, big / 2);
  ASSERT(6000000000, ll * 2);
  ASSERT(1000000000, ll / 3);
  ASSERT(0, ll % 3);
  ASSERT(200, c + c);
  ASSERT(-600, s + s);
  ASSERT(-30000, c * s);
  ASSERT(-3, s / c);
  ASSERT(0, s % c);
  ASSERT(49, seven() * seven());
  ASSERT(1, seven() / seven());
  ASSERT(2147483647, 2147483647);
  ASSERT(-2147483647, -2147483647);
  ASSERT(4294967296, 65536L * 65536);
  ASSERT(1, 10 / 3 / 3);
  ASSERT(2, 100 % 7 % 4);
  ASSERT(-1, -9223372036854775807L / 9223372036854775807L);
  ASSERT(9223372036854775806, 9223372036854775807L - 1);
  printf("OK\n");
  return 0;
}
