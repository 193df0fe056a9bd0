/* invalid: function defined inside another function */
int main(void) {
    int inner(void) { return 1; } // ERROR
    return 0;
}
