/* invalid: unary * applied to an int */
int main(void) {
    int x = 5;
    return *x; // ERROR
}
