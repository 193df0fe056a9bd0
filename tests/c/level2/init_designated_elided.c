/* designators followed by values without braces: the designated subobject's braces
   are elided, and the values after it go on in order (C99 6.7.9p17-20)
   (allow-warning: -Wmissing-braces) */
#include <stdio.h>

struct In { int b, c; };
struct Out { int x; struct In a; int y; };
struct W { struct { int m, k; } n; int z[3]; int t; };
union U { int i; char s[4]; };
struct H { union U u; int after; };

static struct Out so = { .a.b = 1, 2, 3 };
static struct W sw = { .n = 4, 5, 6, .z[1] = 7, 8, 9 };
static char names[3][4] = { [1] = "ab", "cd", [0][0] = 'x' };

int main(void) {
    struct Out o = { .a.b = 1, 2, 3 };
    struct W w = { .n = 4, 5, 6, .z[1] = 7, 8, 9 };
    int g[2][3] = { [0][1] = 1, 2, 3, 4 };
    struct W v = { .z = 1, 2, 3, 4 };
    struct H h = { .u.s = "xyz", 5 };
    struct H k = { .u = 65, 6 };
    int last[] = { [3] = 3, 4, [1] = 1 };
    printf("%d %d %d %d\n", o.x, o.a.b, o.a.c, o.y);
    printf("%d %d %d %d\n", so.x, so.a.b, so.a.c, so.y);
    printf("%d %d %d %d %d %d\n", w.n.m, w.n.k, w.z[0], w.z[1], w.z[2], w.t);
    printf("%d %d %d %d %d %d\n", sw.n.m, sw.n.k, sw.z[0], sw.z[1], sw.z[2], sw.t);
    printf("%d %d %d %d %d %d\n", g[0][0], g[0][1], g[0][2], g[1][0], g[1][1], g[1][2]);
    printf("%d %d %d %d %d %d\n", v.n.m, v.n.k, v.z[0], v.z[1], v.z[2], v.t);
    printf("%s %d %d %d\n", h.u.s, h.after, k.u.i, k.after);
    printf("%s %s %s\n", names[0], names[1], names[2]);
    printf("%d: %d %d %d %d %d\n", (int)(sizeof last / sizeof last[0]), last[0], last[1],
           last[2], last[3], last[4]);
    return 0;
}
