/* invalid: use of an undeclared identifier */
int main(void) {
    int a = 1;
    return a + missing; // ERROR
}
