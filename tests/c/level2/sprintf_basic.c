/* sprintf into buffers and its return value */
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[64];
    int n = sprintf(buf, "%d-%05.1f-%s-%c-%x", 42, 3.14159, "str", 'Z', 255);
    printf("%d [%s] %zu\n", n, buf, strlen(buf));
    n = sprintf(buf, "%s", "");
    printf("%d [%s]\n", n, buf);
    char *p = buf;
    int i;
    for (i = 0; i < 5; i++) p += sprintf(p, "%d,", i * i);
    printf("[%s] %d\n", buf, (int)(p - buf));
    sprintf(buf, "%10.3e|%-6s|%+d", 12345.678, "ab", 0);
    puts(buf);
    return 0;
}
