/* invalid: main declared as an object with external linkage */
extern int main; // ERROR

int start(void) { return 0; }
