/* invalid: unknown preprocessing directive */
#frobnicate everything // ERROR

int main(void) { return 0; }
