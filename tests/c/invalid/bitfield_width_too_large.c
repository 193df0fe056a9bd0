/* invalid: bit-field wider than its type */
struct S {
    int a : 40; // ERROR
};

int main(void) { return 0; }
