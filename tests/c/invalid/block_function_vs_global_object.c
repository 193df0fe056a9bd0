/* invalid: a block-scope function declaration of a file-scope object's name */
int counter;

int main(void) {
    void counter(void); // ERROR
    return 0;
}
