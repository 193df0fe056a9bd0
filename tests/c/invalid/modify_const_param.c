/* invalid: assignment to a const parameter */
static int f(const int n) {
    n = n + 1; // ERROR
    return n;
}

int main(void) { return f(1); }
