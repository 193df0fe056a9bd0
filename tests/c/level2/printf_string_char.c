/* printf %s and %c, escape sequences */
#include <stdio.h>

int main(void) {
    const char *s = "text";
    printf("%s|%s|%c%c%c\n", s, "", 'a', 66, '\x43');
    printf("tab\there\\ quote\" apostrophe\' q\?\n");
    printf("%c", '\n');
    printf("octal \101\102 hex \x44\n");
    printf("%s\n", s + 2);
    printf("%%s literal\n");
    char buf[4] = { 'a', 'b', 'c', 0 };
    printf("%s %.1s\n", buf, buf + 1);
    return 0;
}
