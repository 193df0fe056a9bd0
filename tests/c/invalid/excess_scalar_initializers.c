/* invalid: more than one initializer for a scalar */
int main(void) {
    int x = { 1, 2 }; // ERROR
    return x;
}
