/* char array exactly the string length: no terminating NUL stored */
#include <stdio.h>

struct S { char tag[4]; char next; };

int main(void) {
    char a[5] = "hello";
    struct S s = { "abcd", 'Z' };
    int i;
    printf("%zu\n", sizeof a);
    for (i = 0; i < 5; i++) putchar(a[i]);
    putchar('\n');
    printf("%.5s\n", a);
    printf("%.4s %c\n", s.tag, s.next);
    return 0;
}
