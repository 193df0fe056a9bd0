/* strncpy pads with NULs and may not terminate (allow-warning: -Wstringop-truncation) */
#include <stdio.h>
#include <string.h>

int main(void) {
    char a[8];
    int i;
    memset(a, 'x', sizeof a);
    strncpy(a, "hi", sizeof a);
    for (i = 0; i < 8; i++) printf("%d ", a[i]);
    printf("\n");
    memset(a, 'x', sizeof a);
    strncpy(a, "abcdefghij", 5);
    for (i = 0; i < 8; i++) printf("%c", a[i]);
    printf("\n");
    return 0;
}
