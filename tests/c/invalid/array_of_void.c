/* invalid: array of void elements */
int main(void) {
    void arr[4]; // ERROR
    return 0;
}
