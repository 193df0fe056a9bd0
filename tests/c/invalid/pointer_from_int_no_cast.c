/* invalid: initializing a pointer from a nonzero int without a cast */
int main(void) {
    int n = 1234;
    int *p = n; // ERROR
    return p != 0;
}
