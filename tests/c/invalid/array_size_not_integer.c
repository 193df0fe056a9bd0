/* invalid: array size of floating type */
int main(void) {
    int a[2.5]; // ERROR
    return 0;
}
