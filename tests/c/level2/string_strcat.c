/* strcat and strncat */
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[40] = "foo";
    strcat(buf, "bar");
    printf("%s\n", buf);
    strncat(buf, "bazqux", 3);
    printf("%s %zu\n", buf, strlen(buf));
    strncat(buf, "12", 10);
    printf("%s\n", buf);
    char *r = strcat(buf, "");
    printf("%d %s\n", r == buf, buf);
    return 0;
}
