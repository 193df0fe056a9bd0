/* invalid: register storage class at file scope */
register int counter; // ERROR

int main(void) { return 0; }
