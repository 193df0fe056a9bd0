/* invalid: stray @ character in the program */
int main(void) {
    int x = 1;
    x = x @ 2; // ERROR
    return x;
}
