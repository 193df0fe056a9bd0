/* kind: heap-use-after-free */
/* bug: the loop reads n->next after free(n) (line 22) */
#include <stdio.h>
#include <stdlib.h>

struct node {
  int value;
  struct node *next;
};

int main(void) {
  struct node *head = NULL;
  for (int i = 0; i < 3; i++) {
    struct node *n = malloc(sizeof *n);
    if (!n)
      return 2;
    n->value = i;
    n->next = head;
    head = n;
  }
  printf("freeing the list\n");
  for (struct node *n = head; n; n = n->next)
    free(n);
  printf("freed\n");
  return 0;
}
