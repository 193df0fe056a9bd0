/* function-like macros, parenthesization, multiple evaluation */
#include <stdio.h>

#define SQ(x) ((x) * (x))
#define BAD_SQ(x) x * x
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define SWAP(t, a, b) do { t tmp_ = (a); (a) = (b); (b) = tmp_; } while (0)
#define NOARGS() 42
#define F (1 + 1)

int main(void) {
    int i = 3, j = 7;
    printf("%d %d\n", SQ(2 + 1), BAD_SQ(2 + 1));
    printf("%d\n", MAX(i, j));
    SWAP(int, i, j);
    printf("%d %d\n", i, j);
    printf("%d\n", NOARGS());
    printf("%d\n", F * 3);
    int k = 1;
    int m = MAX(k++, 0);
    printf("%d %d\n", m, k);
    #define SQ2 SQ
    printf("%d\n", SQ2(5));
    return 0;
}
