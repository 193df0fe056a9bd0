/* adjacent string literals concatenate */
#include <stdio.h>

#define NAME "segment"

int main(void) {
    const char *s = "abc" "def"
                    "ghi";
    printf("%s %zu\n", s, sizeof("abc" "def"));
    printf("prefix-" NAME "-suffix\n");
    printf("%s\n", "tab\t" "end");
    printf("%s\n", "\x41" "B");
    return 0;
}
