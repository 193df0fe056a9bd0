/* invalid: array whose element type is an incomplete struct */
struct Opaque;

int main(void) {
    struct Opaque arr[3]; // ERROR
    return 0;
}
