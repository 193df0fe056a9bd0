/* typedef of pointer types */
#include <stdio.h>

typedef int *IntPtr;
typedef char *String;
typedef IntPtr *IntPtrPtr;

int main(void) {
    int x = 5, y = 6;
    IntPtr a = &x, b = &y;
    IntPtrPtr pp = &a;
    String s = "text";
    **pp = 50;
    *pp = b;
    *a += 1;
    printf("%d %d %s %zu\n", x, y, s, sizeof(IntPtr));
    return 0;
}
