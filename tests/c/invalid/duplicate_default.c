/* invalid: two default labels in one switch */
int main(void) {
    int x = 1;
    switch (x) {
    default: return 1;
    case 2: return 2;
    default: return 3; // ERROR
    }
}
