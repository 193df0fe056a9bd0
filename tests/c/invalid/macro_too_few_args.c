/* invalid: function-like macro invoked with too few arguments */
#define ADD(a, b) ((a) + (b))

int main(void) {
    return ADD(1); // ERROR
}
