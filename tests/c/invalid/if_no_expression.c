/* invalid: #if with no expression */
#if // ERROR
#endif

int main(void) { return 0; }
