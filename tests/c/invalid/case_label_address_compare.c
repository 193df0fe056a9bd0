/* invalid: a case label computed from addresses is no integer constant expression */
static int x;

int main(void) {
    switch (x) {
    case &x == &x: // ERROR
        return 1;
    }
    return 0;
}
