/* The conditional operator ?: (nesting, mixed operand types, evaluation). */
#include "test.h"

static int calls;
static int tick(int v) { calls++; return v; }

static int sign(int x) { return x < 0 ? -1 : x > 0 ? 1 : 0; }

int main(void) {
  int a = 3, b = 7, zero = 0;
  int arr[2] = {10, 20};
  int *p = &a, *np = 0;
  char c = 'x';
  long l = 5;
  unsigned u = 1;

  ASSERT(2, 1 ? 2 : 3);
  ASSERT(3, 0 ? 2 : 3);
  ASSERT(7, a > b ? a : b);
  ASSERT(3, a < b ? a : b);
  ASSERT(-1, sign(-42));
  ASSERT(0, sign(0));
  ASSERT(1, sign(42));
  ASSERT(3, 0 ? 1 : 0 ? 2 : 3);
  ASSERT(2, 0 ? 1 : 1 ? 2 : 3);
  ASSERT(1, 1 ? 1 : 0 ? 2 : 3);
  ASSERT(4, 1 ? 1 ? 4 : 5 : 6);
  ASSERT(5, 1 ? 0 ? 4 : 5 : 6);
  ASSERT(6, 0 ? 1 ? 4 : 5 : 6);
  ASSERT(20, arr[zero ? 0 : 1]);
  ASSERT(3, *(zero ? np : p));
  ASSERT(3, np ? *np : *p);
  ASSERT(1, (zero ? p : 0) == 0);
  ASSERT(1, (a ? p : 0) == p);
  ASSERT(4, sizeof(1 ? 1 : 2));
  ASSERT(8, sizeof(1 ? 1 : 1L));
  ASSERT(8, sizeof(0 ? l : 1));
  ASSERT(4, sizeof(1 ? c : c));
  ASSERT(8, sizeof(1 ? p : np));
  ASSERT(120, 1 ? c : 0);
  ASSERT(4294967295, 1 ? -1 : u);
  ASSERT(-1, 1 ? -1 : l);
  ASSERT(-1, 0 ? u : -1L);
  ASSERT(4294967295, 0 ? u : -1);
  ASSERT(1, (1 ? -1 : u) > 0);
  ASSERT(0, (1 ? -1 : l) > 0);

  calls = 0;
  ASSERT(5, tick(1) ? tick(5) : tick(6));
  ASSERT(2, calls);
  calls = 0;
  ASSERT(6, tick(0) ? tick(5) : tick(6));
  ASSERT(2, calls);
  a = 0;
  b = 0;
  ASSERT(1, zero ? (a = 1) : (b = 1));
  ASSERT(0, a);
  ASSERT(1, b);
  a = 10;
  ASSERT(11, a > 5 ? a + 1 : a - 1);
  ASSERT(16, (a ? 6 : 7) + 10);
  ASSERT(6, a ? 6 : 7 + 10);
  printf("OK\n");
  return 0;
}
