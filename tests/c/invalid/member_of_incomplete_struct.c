/* invalid: member access through a pointer to an incomplete struct */
struct Opaque;

static int get(struct Opaque *p) {
    return p->field; // ERROR
}

int main(void) { return get(0); }
