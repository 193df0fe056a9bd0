/* Address-of and dereference, pointers of several depths, void pointers. */
#include "test.h"

static void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }
static void set(int *p, int v) { *p = v; }
static void set_ptr(int **pp, int *target) { *pp = target; }
static int *pick(int *a, int *b, int first) { return first ? a : b; }
static void bump_all(int ***ppp) { ***ppp += 100; }

int main(void) {
  int x = 3, y = 5, z = 0;
  int *p = &x, *q = &y;
  int **pp = &p;
  int ***ppp = &pp;
  char c = 'a';
  char *cp = &c;
  char **cpp = &cp;
  long l = 1234567890123;
  long *lp = &l;
  short s = -2;
  short *sp = &s;
  unsigned char uc = 200;
  unsigned char *ucp = &uc;
  int arr[3] = {7, 8, 9};
  int *ap[3];
  int (*pa)[3] = &arr;
  void *vp;
  int *np = 0;

  ASSERT(3, *p);
  ASSERT(5, *q);
  ASSERT(3, **pp);
  ASSERT(3, ***ppp);
  ASSERT(3, *&x);
  ASSERT(1, &*p == p);
  ASSERT(1, *&p == p);
  ASSERT(1, *pp == &x);
  ASSERT(1, &x != &y);
  ASSERT(0, p == q);
  *p = 10;
  ASSERT(10, x);
  **pp = 11;
  ASSERT(11, x);
  ***ppp = 12;
  ASSERT(12, x);
  *pp = &y;
  ASSERT(5, *p);
  ASSERT(5, ***ppp);
  p = &x;
  swap(&x, &y);
  ASSERT(5, x);
  ASSERT(12, y);
  swap(p, q);
  ASSERT(12, x);
  ASSERT(5, y);
  set(&z, 42);
  ASSERT(42, z);
  set(*pp, 1);
  ASSERT(1, x);
  set_ptr(&p, &z);
  ASSERT(42, *p);
  ASSERT(1, p == &z);
  ASSERT(5, *pick(&x, &y, 0));
  ASSERT(1, *pick(&x, &y, 1));
  *pick(&x, &y, 1) = 77;
  ASSERT(77, x);
  pp = &p;
  bump_all(&pp);
  ASSERT(142, z);

  ASSERT(97, *cp);
  ASSERT(97, **cpp);
  **cpp = 'b';
  ASSERT(98, c);
  ASSERT(1234567890123, *lp);
  *lp = -1;
  ASSERT(-1, l);
  ASSERT(-2, *sp);
  *sp = y * 8000;
  ASSERT(-25536, s);
  ASSERT(200, *ucp);
  *ucp = *ucp + 100;
  ASSERT(44, uc);

  ap[0] = &arr[2];
  ap[1] = &arr[0];
  ap[2] = &x;
  ASSERT(9, *ap[0]);
  ASSERT(7, *ap[1]);
  ASSERT(77, *ap[2]);
  ASSERT(8, (*pa)[1]);
  ASSERT(7, **pa);
  (*pa)[2] = 90;
  ASSERT(90, arr[2]);
  ASSERT(90, *ap[0]);

  vp = &x;
  ASSERT(77, *(int *)vp);
  p = vp;
  ASSERT(77, *p);
  vp = &c;
  ASSERT(98, *(char *)vp);
  ASSERT(1, np == 0);
  ASSERT(0, p == 0);
  ASSERT(1, np != p);
  ASSERT(1, !np);
  ASSERT(1, p != 0);
  ASSERT(8, sizeof(&x));
  ASSERT(8, sizeof(&p));
  ASSERT(8, sizeof(&pp));
  printf("OK\n");
  return 0;
}
