/* exit: 3 */
/* exit() from a nested call ends the program with that status, flushing output */
#include <stdio.h>
#include <stdlib.h>

static void finish(int code) {
    printf("finishing with %d\n", code);
    exit(code);
}

int main(void) {
    printf("start\n");
    finish(3);
    printf("not reached\n");
    return 0;
}
