/* invalid: the address of a member of a register struct */
struct point { int x, y; };

int main(void) {
    register struct point p = {1, 2};
    int *px = &p.x; // ERROR
    return *px - 1;
}
