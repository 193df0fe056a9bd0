/* invalid: !f is 0 but no integer constant expression, so no null pointer constant */
static int up(int x) { return x + 1; }

int main(void) {
    int (*f)(int) = 1 ? !up : up; // ERROR
    return f == 0;
}
