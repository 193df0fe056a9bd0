/* invalid: two storage-class specifiers in one declaration */
static extern int x; // ERROR

int main(void) { return 0; }
