/* invalid: sizeof applied to an incomplete struct type */
struct Opaque;

int main(void) {
    return (int)sizeof(struct Opaque); // ERROR
}
