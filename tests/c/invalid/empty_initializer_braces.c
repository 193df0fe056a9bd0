/* invalid: empty initializer braces (not allowed in C99) */
int main(void) {
    int a[3] = {}; // ERROR
    return a[0];
}
