/* enumerators as array sizes and indices */
#include <stdio.h>

enum { SMALL = 3, BIG = SMALL * 4 };
enum Day { MON, TUE, WED, THU, FRI, NDAYS };

int main(void) {
    int a[SMALL];
    char b[BIG];
    const char *names[NDAYS] = { "mon", "tue", "wed", "thu", "fri" };
    enum Day d;
    printf("%zu %zu\n", sizeof a, sizeof b);
    for (d = MON; d < NDAYS; d++) printf("%s ", names[d]);
    printf("\n");
    a[SMALL - 1] = 7;
    printf("%d\n", a[2]);
    return 0;
}
