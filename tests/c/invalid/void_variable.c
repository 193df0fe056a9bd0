/* invalid: variable declared with type void */
int main(void) {
    void v; // ERROR
    return 0;
}
