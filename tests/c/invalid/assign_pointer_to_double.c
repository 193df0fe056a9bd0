/* invalid: assigning a pointer to a double */
int main(void) {
    int v = 3;
    double d;
    d = &v; // ERROR
    return (int)d;
}
