/* invalid: bitwise or with a double operand */
int main(void) {
    double d = 3.0;
    int x = 4 | d; // ERROR
    return x;
}
