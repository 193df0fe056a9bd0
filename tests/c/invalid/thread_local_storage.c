/* invalid in C99: _Thread_local is C11 (and threads are not supported by segvm) */
static _Thread_local int counter; // ERROR

int main(void) { return counter; }
