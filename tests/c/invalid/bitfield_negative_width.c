/* invalid: bit-field with a negative width */
struct S {
    unsigned a : -1; // ERROR
};

int main(void) { return 0; }
