/* setjmp and longjmp (out of segvm's scope: a "not supported" error) */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static void fail(void) { longjmp(env, 1); }

int main(void) {
    if (setjmp(env) == 0) {
        fail();
    } else {
        printf("back\n");
    }
    return 0;
}
