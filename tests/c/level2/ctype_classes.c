/* every ctype is* classification over characters 0..127 */
#include <stdio.h>
#include <ctype.h>

int main(void) {
    int c;
    printf("c  al di xd lo up sp pu pr gr cn an bl\n");
    for (c = 0; c < 128; c++) {
        printf("%3d %d %d %d %d %d %d %d %d %d %d %d %d\n", c,
               isalpha(c) != 0, isdigit(c) != 0, isxdigit(c) != 0, islower(c) != 0,
               isupper(c) != 0, isspace(c) != 0, ispunct(c) != 0, isprint(c) != 0,
               isgraph(c) != 0, iscntrl(c) != 0, isalnum(c) != 0, isblank(c) != 0);
    }
    printf("%d\n", isalpha(EOF) != 0);
    return 0;
}
