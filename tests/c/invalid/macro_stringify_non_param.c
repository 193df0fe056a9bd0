/* invalid: # not followed by a macro parameter */
#define STR(x) #y // ERROR

int main(void) { return 0; }
