/* function pointers as struct members (vtable style) */
#include <stdio.h>

struct Shape;
struct Ops { double (*area)(const struct Shape *); const char *(*name)(void); };
struct Shape { const struct Ops *ops; double a, b; };

static double rect_area(const struct Shape *s) { return s->a * s->b; }
static const char *rect_name(void) { return "rect"; }
static double tri_area(const struct Shape *s) { return s->a * s->b / 2; }
static const char *tri_name(void) { return "tri"; }

static const struct Ops rect_ops = { rect_area, rect_name };
static const struct Ops tri_ops = { tri_area, tri_name };

int main(void) {
    struct Shape shapes[] = { { &rect_ops, 2, 3 }, { &tri_ops, 4, 5 }, { &rect_ops, 1.5, 1.5 } };
    int i;
    for (i = 0; i < 3; i++)
        printf("%s %.2f\n", shapes[i].ops->name(), shapes[i].ops->area(&shapes[i]));
    return 0;
}
