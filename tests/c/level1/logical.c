/* Logical operators ! && ||: results are int 0/1, and && || short-circuit. */
#include "test.h"

static int calls;
static int tick(int v) { calls++; return v; }

int main(void) {
  int x = 5, zero = 0;
  int *p = &x, *np = 0;
  long big = 4294967296;
  char c = 0;

  ASSERT(0, !1);
  ASSERT(1, !0);
  ASSERT(0, !5);
  ASSERT(0, !-1);
  ASSERT(1, !!5);
  ASSERT(0, !!0);
  ASSERT(0, !x);
  ASSERT(1, !zero);
  ASSERT(0, !big);
  ASSERT(1, !c);
  ASSERT(0, !p);
  ASSERT(1, !np);
  ASSERT(4, sizeof(!c));
  ASSERT(4, sizeof(!big));
  ASSERT(1, 1 && 1);
  ASSERT(0, 1 && 0);
  ASSERT(0, 0 && 1);
  ASSERT(0, 0 && 0);
  ASSERT(1, 1 || 0);
  ASSERT(1, 0 || 1);
  ASSERT(0, 0 || 0);
  ASSERT(1, 1 || 1);
  ASSERT(1, 2 && 3);
  ASSERT(1, -1 || 0);
  ASSERT(1, x && big);
  ASSERT(1, p && *p == 5);
  ASSERT(0, np && *np == 5);
  ASSERT(1, !np || *np == 5);
  ASSERT(1, big && 1);
  ASSERT(4, sizeof(big && big));
  ASSERT(4, sizeof(c || c));

  calls = 0;
  ASSERT(0, tick(0) && tick(1));
  ASSERT(1, calls);
  calls = 0;
  ASSERT(1, tick(1) || tick(0));
  ASSERT(1, calls);
  calls = 0;
  ASSERT(1, tick(2) && tick(3));
  ASSERT(2, calls);
  calls = 0;
  ASSERT(0, tick(0) || tick(0));
  ASSERT(2, calls);
  calls = 0;
  ASSERT(0, tick(1) && tick(0) && tick(1));
  ASSERT(2, calls);
  calls = 0;
  ASSERT(1, tick(0) || tick(0) || tick(7) || tick(1));
  ASSERT(3, calls);

  x = 0;
  ASSERT(0, zero && (x = 1));
  ASSERT(0, x);
  ASSERT(1, !zero || (x = 2));
  ASSERT(0, x);
  ASSERT(1, zero || (x = 3));
  ASSERT(3, x);
  ASSERT(1, x && (x = 4));
  ASSERT(4, x);
  ASSERT(0, zero && x++);
  ASSERT(4, x);
  ASSERT(1, x++ && x++);
  ASSERT(6, x);
  printf("OK\n");
  return 0;
}
