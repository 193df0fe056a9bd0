/* whole-struct assignment copies every member */
#include <stdio.h>

struct P { int x; double y; char name[8]; };

int main(void) {
    struct P a = { 1, 2.5, "abc" };
    struct P b;
    b = a;
    a.x = 100;
    a.name[0] = 'z';
    printf("%d %.1f %s\n", b.x, b.y, b.name);
    printf("%d %.1f %s\n", a.x, a.y, a.name);
    struct P c, d;
    c = d = b;
    printf("%d %d\n", c.x, d.x);
    return 0;
}
