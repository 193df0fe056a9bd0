/* invalid: function declared to return a function */
int (maker(void))(int); // ERROR

int main(void) { return 0; }
