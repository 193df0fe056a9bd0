/* invalid: shifting a pointer */
int main(void) {
    int v = 1;
    int *p = &v;
    long x = p << 2; // ERROR
    return (int)x;
}
