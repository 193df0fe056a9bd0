/* invalid: floating constant with an exponent without digits */
int main(void) {
    double d = 1e; // ERROR
    return (int)d;
}
