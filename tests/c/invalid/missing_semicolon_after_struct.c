/* invalid: missing semicolon after a struct definition */
struct S { int a; }
int main(void) { return 0; } // ERROR
