/* invalid: -> applied to a pointer to int */
int main(void) {
    int v = 1;
    int *p = &v;
    return p->x; // ERROR
}
