/* invalid: conflicting prototypes for one function */
int f(int);
int f(double); // ERROR

int main(void) { return 0; }
