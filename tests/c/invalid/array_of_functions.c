/* invalid: array whose elements are functions */
int table[3](void); // ERROR

int main(void) { return 0; }
