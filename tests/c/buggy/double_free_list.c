/* kind: double-free */
/* bug: a node freed with the whole list is freed again through a saved pointer (line 30) */
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
  struct node *last = head->next->next;
  for (struct node *n = head; n; n = n->next)
    printf("%d\n", n->value);
  while (head) {
    struct node *next = head->next;
    free(head);
    head = next;
  }
  printf("list freed\n");
  free(last);
  return 0;
}
