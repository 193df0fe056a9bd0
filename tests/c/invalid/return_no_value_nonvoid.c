/* invalid: return without a value in a function returning int */
static int f(int x) {
    if (x)
        return; // ERROR
    return 1;
}

int main(void) { return f(0); }
