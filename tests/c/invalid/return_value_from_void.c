/* invalid: return with a value in a void function */
static void f(int *p) {
    *p = 1;
    return 5; // ERROR
}

int main(void) { int v; f(&v); return 0; }
