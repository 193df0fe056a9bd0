/* invalid: assignment through a pointer to const */
int main(void) {
    int v = 1;
    const int *p = &v;
    *p = 2; // ERROR
    return v;
}
