/* invalid: invalid suffix on a floating constant */
int main(void) {
    double d = 1.5q; // ERROR
    return (int)d;
}
