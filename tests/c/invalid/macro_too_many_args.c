/* invalid: function-like macro invoked with too many arguments */
#define NEG(a) (-(a))

int main(void) {
    return NEG(1, 2); // ERROR
}
