/* invalid: short combined with long */
short long x; // ERROR

int main(void) { return 0; }
