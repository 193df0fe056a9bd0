/* a typedef name may be redeclared as an ordinary identifier in an inner scope, by any
   declarator (pointer, array, after a comma, a parameter), and may name a member or a
   label (labels have a name space of their own) */
#include <stdio.h>

typedef struct node { int value; struct node *next; } node;
typedef int count;
typedef double scale;

struct point { int count; double scale; };

static int length(node *node) {
    int count = 0;
    for (; node; node = node->next) count++;
    return count;
}

int main(void) {
    node c = { 3, 0 }, b = { 2, &c }, a = { 1, &b };
    struct point p = { .count = 4, .scale = 1.5 };
    struct point *pp = &p;
    count total = length(&a);
    {
        int *count = &total, scale[2] = { 10, 20 };
        *count += scale[1];
    }
    {
        char tag = 'x', *scale = &tag;
        printf("%c\n", *scale);
    }
    scale s = pp->scale * p.count;
    printf("%d %g\n", total, s);
    goto count;
count:
    return 0;
}
