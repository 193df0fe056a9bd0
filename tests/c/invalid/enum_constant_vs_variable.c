/* invalid: variable redeclares an enumeration constant */
enum { LIMIT = 10 };
int LIMIT; // ERROR

int main(void) { return 0; }
