/* invalid: more initializers than array elements */
int main(void) {
    int a[2] = { 1, 2, 3 }; // ERROR
    return a[0];
}
