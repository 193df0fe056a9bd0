/* invalid: variable of an incomplete struct type */
struct Opaque;

int main(void) {
    struct Opaque o; // ERROR
    return 0;
}
