/* invalid: function-like macro call with no closing parenthesis */
#define ID(a) (a)

int main(void) { return 0; }
int x = ID(1; // ERROR
