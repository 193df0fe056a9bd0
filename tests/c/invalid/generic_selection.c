/* invalid in C99: _Generic is C11 (and not supported by segvm either) */
int main(void) {
    double x = 1.5;
    return _Generic(x, int: 1, double: 2, default: 0) - 2; // ERROR
}
