/*
 * static_vs_auto.c - a static local keeps its value, an automatic one does not.
 *
 * What it shows:
 *   - an automatic local (the ordinary kind) lives in the frame of one call.
 *     It is created fresh at every call and disappears when the call returns.
 *   - a static local lives in data (or bss, if it has no initializer), like
 *     a global. There is only ONE of it for the whole run, it is set up
 *     before main starts, and it keeps its value between calls. Only its
 *     NAME is local: no other function can see it.
 *
 * Try:  segvm run static_vs_auto.c
 *       segvm map static_vs_auto.c    the statics sit in data and bss
 */
#include <stdio.h>

static int take_ticket(void)
{
    static int next_ticket = 100;  /* data: initialized once, not at every call */
    static int calls;              /* bss: no initializer, so it starts at 0 */
    int fresh = 0;                 /* stack: set to 0 again at every call */

    calls++;
    fresh++;
    printf("call %d: ticket %d, fresh = %d\n", calls, next_ticket, fresh);
    return next_ticket++;
}

/* A different function may use the same name: it is a different variable. */
static int count_calls(void)
{
    static int calls;              /* bss: not the same 'calls' as above */
    calls++;
    return calls;
}

int main(void)
{
    int i;
    int last = 0;

    for (i = 0; i < 4; i++)
        last = take_ticket();
    printf("last ticket handed out: %d\n", last);

    count_calls();
    printf("count_calls has been called %d times\n", count_calls());
    printf("take_ticket has its own 'calls', so its next call is number 5:\n");
    take_ticket();
    return 0;
}
