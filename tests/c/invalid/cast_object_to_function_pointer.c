/* invalid: an object pointer cast to a function pointer (ISO C has no such conversion) */
int main(void) {
    static unsigned char code[16];
    int (*f)(void) = (int (*)(void))code; // ERROR
    return f();
}
