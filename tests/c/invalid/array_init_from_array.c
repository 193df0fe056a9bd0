/* invalid: initializing an array from another array */
int main(void) {
    int a[2] = { 1, 2 };
    int b[2] = a; // ERROR
    return b[0];
}
