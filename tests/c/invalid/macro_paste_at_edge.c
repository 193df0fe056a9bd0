/* invalid: ## at the start of a macro body */
#define BAD ## x // ERROR

int main(void) { return 0; }
