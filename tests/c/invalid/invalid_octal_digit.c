/* invalid: digit 8 in an octal constant */
int main(void) {
    int x = 08; // ERROR
    return x;
}
