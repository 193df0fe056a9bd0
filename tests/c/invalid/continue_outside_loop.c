/* invalid: continue outside a loop */
int main(void) {
    int a = 1;
    if (a)
        continue; // ERROR
    return 0;
}
