/* kind: null-dereference */
/* bug: find() returns NULL for a missing key; it is dereferenced (line 22) */
#include <stdio.h>

struct point {
  int x, y;
};

static struct point *find(struct point *pts, int n, int x) {
  for (int i = 0; i < n; i++)
    if (pts[i].x == x)
      return &pts[i];
  return NULL;
}

int main(void) {
  struct point pts[3] = {{1, 2}, {3, 4}, {5, 6}};
  struct point *p = find(pts, 3, 3);
  printf("found y = %d\n", p->y);
  p = find(pts, 3, 7);
  printf("looking up x = 7\n");
  printf("found y = %d\n", p->y);
  return 0;
}
