/* invalid: unary minus applied to a pointer */
int main(void) {
    int v = 1;
    int *p = &v;
    long x = (long)-p; // ERROR
    return (int)x;
}
