/* typedef names obey block scope and can be shadowed */
#include <stdio.h>

typedef int T;

int main(void) {
    T a = 1;
    printf("%zu\n", sizeof(T));
    {
        typedef double T;
        T b = 2.5;
        printf("%zu %.1f\n", sizeof(T), b);
        {
            int T = 7;
            printf("%d\n", T);
        }
    }
    printf("%zu %d\n", sizeof(T), a);
    return 0;
}
