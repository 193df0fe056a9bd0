/* invalid: variable declared inline */
inline int counter; // ERROR

int main(void) { return 0; }
