/* Global variables with constant initializers: scalars, arrays, strings,
   addresses of globals and of array elements; zero-initialized globals. */
#include "test.h"

int g = 3;
long gl = -5;
char gc = 'x';
short gs = -300;
unsigned gu = 4294967295u;
unsigned char guc = 255;
long long gll = 123456789012345LL;
int gzero;
long gzl;
char gzc;
int *gzp;
int garr[5] = {1, 2, 3};
int gzarr[4];
char gstr[] = "hello";
char gstr10[10] = "hi";
char *gp = "world";
char *gstrs[] = {"ab", "cde", "f"};
int *gptr = &g;
int *gelem = &garr[2];
int *gelem2 = garr + 3;
int *garrp = garr;
char *gsp = gstr + 1;
char *gsp2 = &gstr[4];
int gmat[2][3] = {{1, 2, 3}, {4, 5, 6}};
int *gmatp = &gmat[1][1];
int *gpa[2] = {&g, &garr[1]};
int **gpp = &gptr;
int gexpr = 3 * 4 + (1 << 4);
long gsz = sizeof(int) * 10;
int gtern = 1 ? 7 : 8;
char gch = (char)200;
int gneg = -2147483647 - 1;
long gbig = 1L << 40;
short gsh[3] = {-1, 2};
long glarr[] = {10, -20, 30};
int gunsized[] = {5, 6, 7, 8};
int *gnull = 0;
char (*gstrp)[6] = &gstr;
static int sg = 11;
static int *sgp = &sg;
extern int glater;
int *glaterp = &glater;
int glater = 9;

static int get_g(void) { return g; }
static void set_g(int v) { g = v; }
static void inc_arr(void) {
  int i;
  for (i = 0; i < 5; i++)
    garr[i]++;
}

int main(void) {
  ASSERT(3, g);
  ASSERT(-5, gl);
  ASSERT(120, gc);
  ASSERT(-300, gs);
  ASSERT(4294967295, gu);
  ASSERT(255, guc);
  ASSERT(123456789012345, gll);
  ASSERT(0, gzero);
  ASSERT(0, gzl);
  ASSERT(0, gzc);
  ASSERT(1, gzp == 0);
  ASSERT(1, garr[0]);
  ASSERT(3, garr[2]);
  ASSERT(0, garr[3]);
  ASSERT(0, garr[4]);
  ASSERT(20, sizeof garr);
  ASSERT(0, gzarr[0] + gzarr[1] + gzarr[2] + gzarr[3]);
  ASSERT(6, sizeof gstr);
  ASSERT('e', gstr[1]);
  ASSERT(0, gstr[5]);
  ASSERT(10, sizeof gstr10);
  ASSERT('i', gstr10[1]);
  ASSERT(0, gstr10[9]);
  ASSERT('w', *gp);
  ASSERT('d', gp[4]);
  ASSERT(24, sizeof gstrs);
  ASSERT('e', gstrs[1][2]);
  ASSERT('f', *gstrs[2]);
  ASSERT(3, *gptr);
  ASSERT(3, *gelem);
  ASSERT(0, *gelem2);
  ASSERT(1, gelem2 - gelem);
  ASSERT(1, garrp == garr);
  ASSERT('e', *gsp);
  ASSERT('o', *gsp2);
  ASSERT(3, gsp2 - gsp);
  ASSERT(6, gmat[1][2]);
  ASSERT(5, *gmatp);
  ASSERT(4, gmatp[-1]);
  ASSERT(3, *gpa[0]);
  ASSERT(2, *gpa[1]);
  ASSERT(3, **gpp);
  ASSERT(28, gexpr);
  ASSERT(40, gsz);
  ASSERT(7, gtern);
  ASSERT(-56, gch);
  ASSERT(-2147483648, gneg);
  ASSERT(1099511627776, gbig);
  ASSERT(-1, gsh[0]);
  ASSERT(0, gsh[2]);
  ASSERT(24, sizeof glarr);
  ASSERT(-20, glarr[1]);
  ASSERT(16, sizeof gunsized);
  ASSERT(8, gunsized[3]);
  ASSERT(1, gnull == 0);
  ASSERT('l', (*gstrp)[2]);
  ASSERT(11, sg);
  ASSERT(11, *sgp);
  ASSERT(9, *glaterp);
  ASSERT(9, glater);

  set_g(42);
  ASSERT(42, g);
  ASSERT(42, get_g());
  ASSERT(42, *gptr);
  ASSERT(42, *gpa[0]);
  *gptr = 43;
  ASSERT(43, get_g());
  inc_arr();
  ASSERT(2, garr[0]);
  ASSERT(4, *gelem);
  ASSERT(1, *gelem2);
  gstr[0] = 'J';
  ASSERT('J', gstr[0]);
  ASSERT('J', (*gstrp)[0]);
  *sgp = 12;
  ASSERT(12, sg);
  glater++;
  ASSERT(10, *glaterp);
  gzero += 5;
  ASSERT(5, gzero);
  {
    int g = 100;
    ASSERT(100, g);
    ASSERT(43, get_g());
  }
  ASSERT(43, g);
  printf("OK\n");
  return 0;
}
