/* invalid: an ordered comparison of function pointers */
static int a(void) { return 1; }
static int b(void) { return 2; }

int main(void) {
    int (*f)(void) = a;
    return f < b; // ERROR
}
