/* invalid: inline on a declaration that declares only a tag */
inline struct point { int x, y; }; // ERROR

int main(void) {
    struct point p = {0, 0};
    return p.y;
}
