/* invalid: GNU computed goto is not standard C */
int main(void) {
    void *p = 0;
    goto *p; // ERROR
    return 0;
}
