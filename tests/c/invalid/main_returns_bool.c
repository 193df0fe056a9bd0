/* invalid: main must return int */
_Bool main(void) { // ERROR
    return 0;
}
