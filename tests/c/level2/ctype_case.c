/* toupper and tolower over 0..127 */
#include <stdio.h>
#include <ctype.h>

int main(void) {
    int c, changed_up = 0, changed_low = 0;
    for (c = 0; c < 128; c++) {
        if (toupper(c) != c) { changed_up++; putchar(toupper(c)); }
        if (tolower(c) != c) changed_low++;
    }
    printf("\n%d %d\n", changed_up, changed_low);
    char s[] = "Hello, World 123!";
    for (c = 0; s[c]; c++) s[c] = (char)tolower((unsigned char)s[c]);
    printf("%s\n", s);
    for (c = 0; s[c]; c++) s[c] = (char)toupper((unsigned char)s[c]);
    printf("%s %d\n", s, toupper(EOF) == EOF);
    return 0;
}
