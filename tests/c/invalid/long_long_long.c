/* invalid: long long long is not a type */
long long long x; // ERROR

int main(void) { return 0; }
