/* invalid: #include without a file name */
#include // ERROR

int main(void) { return 0; }
