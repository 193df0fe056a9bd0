/* invalid: array declared with a negative size */
int main(void) {
    int a[-3]; // ERROR
    return 0;
}
