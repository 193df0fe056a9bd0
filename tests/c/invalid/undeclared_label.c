/* invalid: goto to a label that does not exist */
int main(void) {
    int i = 0;
    if (i == 0) goto finish; // ERROR
    return 1;
}
