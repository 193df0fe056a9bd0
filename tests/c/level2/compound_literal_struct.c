/* compound literals of struct type, passed and assigned */
#include <stdio.h>

struct P { int x, y; };

static int dot(struct P a, struct P b) { return a.x * b.x + a.y * b.y; }

int main(void) {
    struct P p;
    p = (struct P){ 3, 4 };
    printf("%d\n", dot(p, (struct P){ .x = 2, .y = -1 }));
    struct P *pp = &(struct P){ 9, 8 };
    pp->x++;
    printf("%d %d\n", pp->x, pp->y);
    printf("%d\n", ((struct P){ 5, 6 }).y);
    return 0;
}
