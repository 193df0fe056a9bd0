/* invalid: #include of a file that does not exist */
#include <stdio.h>
#include "no_such_header_file.h" // ERROR

int main(void) { return 0; }
