/* invalid: static local array with a non-constant size */
static int f(int n) {
    static int a[n]; // ERROR
    return 0;
}

int main(void) { return f(2); }
