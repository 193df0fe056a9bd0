/* Spellings of integer types, declarators of several kinds, void. */
#include "test.h"

static void do_nothing(void) {}
static void set_to(long *p, long v) {
  *p = v;
  return;
}
static void *as_void(int *p) { return p; }

long unsigned int lui = 1;
int long il = 2;
signed short int ssi = -3;
long long unsigned llu = 4;
char unsigned cu = 5;
short unsigned su = 6;
unsigned long long int ulli = 7;
signed long long sll = -8;

int main(void) {
  int a, *b, c[3], **d, *e[2], (*f)[3];
  char ch, *str = "s";
  long int li;
  unsigned int ui;
  short int si;
  signed int sgi = -1;
  signed sg = -2;
  unsigned un = 3;
  long long int lli;
  void *vp;
  int ***ppp;
  char **cpp = &str;

  a = 1;
  b = &a;
  c[0] = 2;
  d = &b;
  e[1] = c;
  f = &c;
  ch = 'q';
  ppp = &d;
  ASSERT(4, sizeof a);
  ASSERT(8, sizeof b);
  ASSERT(12, sizeof c);
  ASSERT(8, sizeof d);
  ASSERT(16, sizeof e);
  ASSERT(8, sizeof f);
  ASSERT(12, sizeof *f);
  ASSERT(1, sizeof ch);
  ASSERT(8, sizeof str);
  ASSERT(1, **d);
  ASSERT(2, *e[1]);
  ASSERT(2, (*f)[0]);
  ASSERT(1, ***ppp);
  ASSERT('s', **cpp);
  ASSERT(8, sizeof li);
  ASSERT(4, sizeof ui);
  ASSERT(2, sizeof si);
  ASSERT(8, sizeof lli);
  ASSERT(-1, sgi);
  ASSERT(-2, sg);
  ASSERT(3, un);
  ASSERT(8, sizeof lui);
  ASSERT(8, sizeof il);
  ASSERT(2, sizeof ssi);
  ASSERT(8, sizeof llu);
  ASSERT(1, sizeof cu);
  ASSERT(2, sizeof su);
  ASSERT(8, sizeof ulli);
  ASSERT(8, sizeof sll);
  ASSERT(-3, ssi);
  ASSERT(1, lui - 2 > 0);
  ASSERT(0, il - 3 > 0);
  ASSERT(1, llu - 5 > 0);
  ASSERT(0, ssi > 0);
  ASSERT(1, cu - 6 < 0);
  ASSERT(1, su - 7 < 0);
  ASSERT(1, ulli - 8 > 0);
  ASSERT(-8, sll);
  ASSERT(8, sizeof(long unsigned));
  ASSERT(8, sizeof(int long long));
  ASSERT(2, sizeof(short signed));
  ASSERT(4, sizeof(signed int));
  ASSERT(4294967295, (unsigned int)-1);
  ASSERT(-1, (signed char)-1);
  ASSERT(255, (char unsigned)-1);

  do_nothing();
  set_to(&li, 99);
  ASSERT(99, li);
  vp = as_void(&a);
  ASSERT(1, *(int *)vp);
  ASSERT(1, vp == (void *)&a);
  vp = &li;
  ASSERT(99, *(long *)vp);
  printf("OK\n");
  return 0;
}
