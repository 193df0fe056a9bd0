/* invalid: struct with a member of its own (incomplete) type */
struct S {
    int v;
    struct S inner; // ERROR
};

int main(void) { return 0; }
