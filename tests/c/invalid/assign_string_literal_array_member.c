/* invalid: assignment to a const char array element */
static const char msg[] = "hi";

int main(void) {
    msg[0] = 'H'; // ERROR
    return 0;
}
