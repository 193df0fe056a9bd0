/* invalid: auto on a file-scope declaration that declares only a tag */
auto struct point { int x, y; }; // ERROR

int main(void) {
    struct point p = {0, 0};
    return p.x;
}
