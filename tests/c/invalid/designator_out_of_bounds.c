/* invalid: array designator beyond the array bounds */
int main(void) {
    int a[3] = { [5] = 1 }; // ERROR
    return a[0];
}
