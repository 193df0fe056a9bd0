/* a local header with an include guard can be included twice */
#include <stdio.h>
#include "pp_guard.h"
#include "pp_guard.h"

int main(void) {
    struct GuardPoint p = { 1, 2 };
    printf("%d %d %d %d\n", p.x, p.y, guard_count, GUARD_MAGIC);
    return 0;
}
