/* invalid: auto storage class at file scope */
auto int counter; // ERROR

int main(void) { return 0; }
