/* invalid: function declared to return an array */
typedef int Arr[4];
Arr make(void); // ERROR

int main(void) { return 0; }
