/* invalid: assignment to a function call result */
static int f(void) { return 1; }

int main(void) {
    f() = 3; // ERROR
    return 0;
}
