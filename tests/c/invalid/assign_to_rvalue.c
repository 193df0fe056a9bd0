/* invalid: assignment to a non-lvalue expression */
int main(void) {
    int a = 1;
    a + 1 = 5; // ERROR
    return a;
}
