/* nested struct members and nested access */
#include <stdio.h>

struct Date { int y, m, d; };
struct Person { char name[16]; struct Date birth; struct { int h, w; } body; };

int main(void) {
    struct Person p = { "Ann", { 1990, 5, 17 }, { 170, 60 } };
    struct Date *dp = &p.birth;
    p.birth.d++;
    dp->m += 2;
    printf("%s %d-%02d-%02d %d %d\n", p.name, p.birth.y, p.birth.m, p.birth.d, p.body.h, p.body.w);
    struct Person q = p;
    q.birth.y = 2000;
    printf("%d %d\n", p.birth.y, q.birth.y);
    return 0;
}
