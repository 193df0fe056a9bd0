/* invalid: array designator that is not a constant */
int main(void) {
    int i = 1;
    int a[3] = { [i] = 1 }; // ERROR
    return a[0];
}
