/* invalid: label defined twice in a function */
int main(void) {
    int i = 0;
again:
    i++;
again: // ERROR
    if (i < 3) goto again;
    return 0;
}
