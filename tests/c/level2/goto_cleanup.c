/* goto-based error cleanup pattern */
#include <stdio.h>
#include <stdlib.h>

static int work(int fail_at) {
    int rc = -1;
    char *a = NULL, *b = NULL, *c = NULL;
    a = malloc(10);
    if (!a || fail_at == 1) goto out;
    b = malloc(20);
    if (!b || fail_at == 2) goto free_a;
    c = malloc(30);
    if (!c || fail_at == 3) goto free_b;
    rc = 0;
    free(c);
free_b:
    free(b);
free_a:
    free(a);
    a = NULL;
out:
    free(a);
    return rc;
}

int main(void) {
    int i;
    for (i = 0; i < 4; i++) printf("%d: %d\n", i, work(i));
    return 0;
}
