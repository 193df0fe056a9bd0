/* invalid: a block-scope function declaration of a name declared as a variable there */
int main(void) {
    int total = 0;
    int total(void); // ERROR
    return total;
}
