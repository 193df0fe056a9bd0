/* self-referential struct used as a linked list */
#include <stdio.h>
#include <stdlib.h>

struct Node { int val; struct Node *next; };

int main(void) {
    struct Node *head = NULL, *n;
    int i;
    for (i = 1; i <= 5; i++) {
        n = malloc(sizeof *n);
        n->val = i * i;
        n->next = head;
        head = n;
    }
    for (n = head; n; n = n->next) printf("%d ", n->val);
    printf("\n");
    while (head) { n = head->next; free(head); head = n; }
    struct Node a, b;
    a.val = 1; a.next = &b; b.val = 2; b.next = &a;
    printf("%d %d\n", a.next->next->val, a.next->next->next->val);
    return 0;
}
