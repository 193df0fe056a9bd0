/* invalid: array subscript of floating type */
int main(void) {
    int a[3] = { 1, 2, 3 };
    double i = 1.0;
    return a[i]; // ERROR
}
