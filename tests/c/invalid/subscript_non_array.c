/* invalid: subscript applied to an int */
int main(void) {
    int x = 5;
    return x[1]; // ERROR
}
