/* strstr substring search */
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *hay = "the quick brown fox jumps over the lazy dog";
    const char *p = strstr(hay, "the");
    int count = 0;
    while (p) { count++; p = strstr(p + 1, "the"); }
    printf("%d\n", count);
    printf("%s\n", strstr(hay, "fox"));
    printf("%d\n", strstr(hay, "cat") == NULL);
    printf("%d\n", strstr(hay, "") == hay);
    printf("%d\n", (int)(strstr(hay, "dog") - hay));
    return 0;
}
