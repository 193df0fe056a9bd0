/* invalid: a static initializer whose constant division overflows (INT_MIN / -1) */
#include <limits.h>
int ratio = INT_MIN / -1; // ERROR

int main(void) { return ratio != 0; }
