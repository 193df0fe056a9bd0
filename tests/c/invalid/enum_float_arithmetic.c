/* invalid: floating arithmetic inside an integer constant expression */
enum sizes { HALF = (int)(2.5 * 2) }; // ERROR

int main(void) { return HALF - 5; }
