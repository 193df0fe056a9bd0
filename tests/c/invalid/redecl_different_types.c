/* invalid: conflicting types for a file-scope variable */
int value;
double value; // ERROR

int main(void) { return 0; }
