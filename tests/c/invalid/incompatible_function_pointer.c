/* invalid: initializing a function pointer from a function of another type */
static double half(double x) { return x / 2; }

int main(void) {
    int (*f)(int) = half; // ERROR
    return f(2);
}
