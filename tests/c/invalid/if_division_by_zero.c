/* invalid: division by zero in #if */
#if 1 / 0 // ERROR
#endif

int main(void) { return 0; }
