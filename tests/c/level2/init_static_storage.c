/* static storage objects: zero by default, constant initializers */
#include <stdio.h>

int g1;
int g2 = 5;
double gd;
int *gp;
int garr[4] = { 1, 2 };
char gs[] = "global";
const char *gptr = "pointer";
int *gaddr = &garr[1];
struct { int a; char b; } gst = { .b = 'k' };
static int sarr[3];

int main(void) {
    static int local_static;
    static int ls2 = 3 * 4;
    printf("%d %d %.1f %d\n", g1, g2, gd, gp == NULL);
    printf("%d %d %d %d\n", garr[0], garr[1], garr[2], garr[3]);
    printf("%s %s %d\n", gs, gptr, *gaddr);
    printf("%d %c %d %d %d\n", gst.a, gst.b, sarr[2], local_static, ls2);
    return 0;
}
