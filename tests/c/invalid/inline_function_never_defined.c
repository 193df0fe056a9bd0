/* invalid: an inline function with external linkage declared but never defined */
inline int twice(int x); // ERROR

int main(void) { return 0; }
