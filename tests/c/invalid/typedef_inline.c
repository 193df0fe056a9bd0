/* invalid: a typedef declared inline */
typedef inline int number; // ERROR

int main(void) {
    number n = 0;
    return n;
}
