/* invalid: stray backslash in the program */
int main(void) {
    int x = 1 \ 2; // ERROR
    return x;
}
