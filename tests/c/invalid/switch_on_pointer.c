/* invalid: switch controlling expression of pointer type */
int main(void) {
    char *p = 0;
    switch (p) { // ERROR
    default: break;
    }
    return 0;
}
