/* invalid: variable length array with an initializer */
int main(void) {
    int n = 3;
    int a[n] = { 1, 2, 3 }; // ERROR
    return a[0];
}
