/* invalid: a name declared as a variable and then as a function */
int thing;
int thing(void); // ERROR

int main(void) { return 0; }
