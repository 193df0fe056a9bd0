/* invalid: break outside a loop or switch */
int main(void) {
    int a = 1;
    if (a)
        break; // ERROR
    return 0;
}
