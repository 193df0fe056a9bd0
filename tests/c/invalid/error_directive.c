/* invalid: #error directive */
#define VERSION 1
#if VERSION < 2
#error version too old // ERROR
#endif

int main(void) { return 0; }
