/* designated struct initializers .field = y */
#include <stdio.h>

struct Cfg { int width; int height; const char *title; double scale; int flags; };

int main(void) {
    struct Cfg c = { .title = "win", .height = 480, .width = 640 };
    struct Cfg d = { .scale = 2.0, 7 };
    printf("%d %d %s %.1f %d\n", c.width, c.height, c.title, c.scale, c.flags);
    printf("%d %d %d %.1f %d\n", d.width, d.height, d.title == NULL, d.scale, d.flags);
    return 0;
}
