/* invalid: assignment to an array */
int main(void) {
    int a[3] = { 1, 2, 3 }, b[3] = { 0 };
    b = a; // ERROR
    return b[0];
}
