/* invalid: two type specifiers int and char */
int char x; // ERROR

int main(void) { return 0; }
