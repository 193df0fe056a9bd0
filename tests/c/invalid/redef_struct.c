/* invalid: struct defined twice in the same scope */
struct S { int a; };
struct S { int a; }; // ERROR

int main(void) { return 0; }
