/* invalid: signed overflow in an integer constant expression */
enum limits { BIG = 2147483647, BEYOND = BIG + 1 }; // ERROR

int main(void) { return BEYOND > BIG; }
