/* invalid: sizeof applied to a function */
static int f(void) { return 1; }

int main(void) {
    return (int)sizeof f; // ERROR
}
