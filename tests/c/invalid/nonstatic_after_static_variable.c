/* invalid: a variable declared static, then without a storage class */
static int counter;
int counter; // ERROR

int main(void) { return counter; }
