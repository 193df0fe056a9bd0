/* invalid: unary plus yields a value, not an lvalue */
int main(void) {
    int i = 0;
    (+i) = 2; // ERROR
    return i;
}
