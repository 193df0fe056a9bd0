/* invalid: struct with no members */
struct Empty { }; // ERROR

int main(void) { return 0; }
