/* strchr and strrchr */
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *s = "path/to/some/file.txt";
    const char *p = strchr(s, '/');
    const char *q = strrchr(s, '/');
    printf("%s | %s\n", p, q + 1);
    printf("%d %d\n", (int)(p - s), (int)(q - s));
    printf("%d\n", strchr(s, 'z') == NULL);
    printf("%d\n", strchr(s, '\0') == s + strlen(s));
    printf("%s\n", strrchr(s, '.'));
    return 0;
}
