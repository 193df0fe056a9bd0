/* invalid: hexadecimal floating constant without an exponent */
int main(void) {
    double d = 0x1.8; // ERROR
    return (int)d;
}
