/* invalid: signed combined with unsigned */
signed unsigned int x; // ERROR

int main(void) { return 0; }
