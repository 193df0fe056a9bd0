/* invalid: block-scope extern declaration with an initializer */
int main(void) {
    extern int x = 1; // ERROR
    return x;
}
