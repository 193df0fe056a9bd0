/* typedef of an anonymous-tag struct */
#include <stdio.h>

typedef struct { int w, h; } Size;
typedef struct { Size s; const char *label; } Box;

static int area(Size s) { return s.w * s.h; }

int main(void) {
    Size s = { 3, 4 };
    Box b = { { 5, 6 }, "box" };
    Box *pb = &b;
    printf("%d %d %s\n", area(s), area(pb->s), pb->label);
    printf("%zu\n", sizeof(Size));
    return 0;
}
