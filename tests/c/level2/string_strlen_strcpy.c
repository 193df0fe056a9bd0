/* strlen and strcpy */
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[32];
    const char *s = "copy me";
    printf("%zu %zu %zu\n", strlen(""), strlen(s), strlen("a\0b"));
    char *r = strcpy(buf, s);
    printf("%s %d\n", buf, r == buf);
    strcpy(buf + 4, "!");
    printf("%s %zu\n", buf, strlen(buf));
    return 0;
}
