/* invalid: struct member declared as a function */
struct S {
    int run(void); // ERROR
};

int main(void) { return 0; }
