/* invalid: macro redefined with a different body */
#define LIMIT 10
#define LIMIT 20 // ERROR

int main(void) { return LIMIT; }
