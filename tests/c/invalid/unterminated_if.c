/* invalid: #if without a matching #endif */
#if 1 // ERROR
int main(void) { return 0; }
