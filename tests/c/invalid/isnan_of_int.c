/* invalid: isnan takes a floating-point value, not an integer */
#include <math.h>

int main(void) {
    int n = 3;
    return isnan(n); // ERROR
}
