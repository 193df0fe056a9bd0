/* invalid: restrict applied to a non-pointer type */
int main(void) {
    restrict int x = 1; // ERROR
    return x;
}
