/* invalid: increment of an integer constant */
int main(void) {
    int a = ++5; // ERROR
    return a;
}
