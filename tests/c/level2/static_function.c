/* static (internal linkage) functions and file-scope variables */
#include <stdio.h>

static int hidden = 3;
static int helper(int x) { return x * hidden; }
int visible(int x);
int visible(int x) { return helper(x) + 1; }

int main(void) {
    hidden = 4;
    printf("%d %d\n", helper(5), visible(5));
    return 0;
}
