/* invalid: #elif after #else */
#if 0
#else
#elif 1 // ERROR
#endif

int main(void) { return 0; }
