/* stdbool.h bool, true, false */
#include <stdio.h>
#include <stdbool.h>

static bool is_even(int n) { return n % 2 == 0; }

int main(void) {
    bool flags[6];
    int i, count = 0;
    for (i = 0; i < 6; i++) flags[i] = is_even(i);
    for (i = 0; i < 6; i++) count += flags[i];
    printf("%d %d %d\n", true, false, count);
    bool b = 42;
    printf("%d %d\n", b, b == true);
    printf("%d\n", __bool_true_false_are_defined);
    return 0;
}
