/* invalid: main cannot be declared inline */
inline int main(void) { // ERROR
    return 0;
}
