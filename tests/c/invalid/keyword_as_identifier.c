/* invalid: keyword used as a variable name */
int main(void) {
    int for = 3; // ERROR
    return 0;
}
