/* invalid: static local with a non-constant initializer */
int main(void) {
    int x = 3;
    static int y = x; // ERROR
    return y;
}
