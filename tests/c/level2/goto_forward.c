/* forward goto skipping statements */
#include <stdio.h>

int main(void) {
    int x = 1;
    goto skip;
    x = 100;
skip:
    x += 1;
    if (x == 2) goto done;
    x = -1;
done:
    printf("%d\n", x);
    return 0;
}
