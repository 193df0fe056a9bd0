/* invalid: bitwise complement of a double */
int main(void) {
    double d = 1.0;
    double e = ~d; // ERROR
    return (int)e;
}
