/* invalid: switch controlling expression of floating type */
int main(void) {
    double d = 1.0;
    switch (d) { // ERROR
    default: break;
    }
    return 0;
}
