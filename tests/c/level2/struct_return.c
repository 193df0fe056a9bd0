/* returning small structs by value */
#include <stdio.h>

struct Pt { int x, y; };
struct Pd { double x, y; };
struct Mix { char c; int i; };

static struct Pt mkpt(int x, int y) { struct Pt p; p.x = x; p.y = y; return p; }
static struct Pd mkpd(double x) { struct Pd p = { x, x * 2 }; return p; }
static struct Mix mkmix(void) { struct Mix m = { 'q', -9 }; return m; }
static struct Pt add(struct Pt a, struct Pt b) { return mkpt(a.x + b.x, a.y + b.y); }

int main(void) {
    struct Pt p = add(mkpt(1, 2), mkpt(30, 40));
    struct Pd d = mkpd(1.5);
    printf("%d %d\n", p.x, p.y);
    printf("%.2f %.2f\n", d.x, d.y);
    printf("%c %d\n", mkmix().c, mkmix().i);
    printf("%d\n", mkpt(7, 8).y);
    return 0;
}
