/* the # stringizing operator */
#include <stdio.h>

#define STR(x) #x
#define XSTR(x) STR(x)
#define VALUE 123
#define SHOW(e) printf("%s = %d\n", #e, (e))

int main(void) {
    printf("%s\n", STR(hello world));
    printf("%s\n", STR(  spaced   out  ));
    printf("%s\n", STR("q\n" 'c'));
    printf("%s %s\n", STR(VALUE), XSTR(VALUE));
    SHOW(1 + 2 * 3);
    SHOW(VALUE / 10);
    printf("%s\n", STR());
    return 0;
}
