/* invalid: unbalanced parentheses in #if */
#if (1 + 2 // ERROR
#endif

int main(void) { return 0; }
