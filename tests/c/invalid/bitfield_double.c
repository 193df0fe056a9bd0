/* invalid: bit-field of floating type */
struct S {
    double d : 4; // ERROR
};

int main(void) { return 0; }
