/* invalid: parameter redeclared in the outermost block of the body */
static int f(int n) {
    int n = 3; // ERROR
    return n;
}

int main(void) { return f(1); }
