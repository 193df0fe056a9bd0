/* invalid: returning a pointer from a function returning int without a cast */
static int v;

int f(void) {
    return &v; // ERROR
}

int main(void) { return f(); }
