/* invalid: #else without #if */
int main(void) { return 0; }
#else // ERROR
