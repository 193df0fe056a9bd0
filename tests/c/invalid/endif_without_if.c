/* invalid: #endif without #if */
int main(void) { return 0; }
#endif // ERROR
