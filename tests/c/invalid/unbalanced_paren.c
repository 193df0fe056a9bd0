/* invalid: missing closing parenthesis */
int main(void) {
    int x = (1 + 2;  // ERROR
    return x;
}
