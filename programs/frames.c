/*
 * frames.c - every call gets its own frame, and frames stack downward.
 *
 * What it shows: factorial(5) calls factorial(4), which calls
 * factorial(3), and so on. Each call has its own copy of the parameter n
 * and of the local result, in its own frame on the stack. The deeper the
 * call, the LOWER the addresses: the stack grows down. The difference
 * between two neighbouring frames is the size of one frame.
 *
 * A segvm frame holds the arguments, the return address (pointing into
 * text), the saved frame pointer of the caller, and the locals. Where
 * exactly a parameter sits depends on the machine: gcc on a PC passes the
 * first arguments in registers and copies them into the frame.
 *
 * Try:  segvm run frames.c
 *       segvm disasm frames.c    how a call builds and removes a frame
 */
#include <stdio.h>

static unsigned long caller_result_at;   /* bss: the caller's &result, or 0 */

static void indent(int depth)
{
    int i;
    for (i = 0; i < depth; i++)
        printf("  ");
}

static int factorial(int n, int depth)
{
    int result;                              /* stack: one per call */
    unsigned long here = (unsigned long)&result;
    unsigned long saved = caller_result_at;  /* stack: also one per call */

    indent(depth);
    printf("factorial(%d): n at %p, result at %p", n, (void *)&n, (void *)&result);
    if (saved != 0)
        printf(", %lu bytes below the caller's", saved - here);
    printf("\n");

    caller_result_at = here;
    if (n <= 1)
        result = 1;
    else
        result = n * factorial(n - 1, depth + 1);   /* a new frame below this one */
    caller_result_at = saved;

    indent(depth);
    printf("factorial(%d) returns %d; its frame goes away\n", n, result);
    return result;
}

int main(void)
{
    int answer = factorial(5, 0);
    printf("5! = %d\n", answer);
    return 0;
}
