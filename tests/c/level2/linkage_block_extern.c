/* linkage: a block-scope extern takes the linkage of the declaration it sees (a static
   object or function of the file), and a static function may be redeclared without
   'static' and keep its internal linkage (C99 6.2.2p4-5) */
#include <stdio.h>

static int hidden = 5;
static int twice(int x);
int twice(int x);

int main(void) {
    extern int hidden;
    int twice(int);
    hidden = twice(hidden);
    {
        extern int hidden;
        printf("hidden = %d\n", hidden);
    }
    return 0;
}

static int twice(int x) { return 2 * x; }
