/* invalid: array declared with size zero */
int main(void) {
    int a[0]; // ERROR
    return 0;
}
