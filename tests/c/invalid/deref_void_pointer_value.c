/* invalid: value of a dereferenced void pointer used */
int main(void) {
    int v = 1;
    void *p = &v;
    int x = *p; // ERROR
    return x;
}
