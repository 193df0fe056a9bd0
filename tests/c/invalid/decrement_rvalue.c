/* invalid: postfix decrement of a non-lvalue */
int main(void) {
    int a = 3, b = 4;
    (a + b)--; // ERROR
    return a;
}
