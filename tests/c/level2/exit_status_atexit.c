/* atexit handlers run in reverse order at exit */
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("first registered\n"); }
static void second(void) { printf("second registered\n"); }

int main(void) {
    atexit(first);
    atexit(second);
    printf("main done\n");
    exit(EXIT_SUCCESS);
}
