/* invalid: enumeration constant declared twice */
enum A { RED, GREEN };
enum B { BLUE, RED }; // ERROR

int main(void) { return 0; }
