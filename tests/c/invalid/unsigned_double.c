/* invalid: unsigned combined with double */
unsigned double x; // ERROR

int main(void) { return 0; }
