/* invalid: array with non-constant size at file scope */
static int n = 4;
int arr[n]; // ERROR

int main(void) { return 0; }
