/* typedef naming a tagged struct, used before and after */
#include <stdio.h>

typedef struct Node Node;
struct Node { int v; Node *next; };
typedef struct Pair { int a, b; } Pair, *PairPtr;

int main(void) {
    Node n2 = { 2, NULL };
    Node n1 = { 1, &n2 };
    Pair p = { 3, 4 };
    PairPtr pp = &p;
    struct Pair q = p;
    printf("%d %d %d %d\n", n1.v, n1.next->v, pp->a + pp->b, q.b);
    return 0;
}
