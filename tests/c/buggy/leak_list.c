/* kind: memory-leak */
/* bug: build_and_sum() returns without freeing its 4 list nodes (line 24) */
#include <stdio.h>
#include <stdlib.h>

struct node {
  int value;
  struct node *next;
};

static int build_and_sum(int n) {
  struct node *head = NULL;
  for (int i = 1; i <= n; i++) {
    struct node *node = malloc(sizeof *node);
    if (!node)
      return -1;
    node->value = i;
    node->next = head;
    head = node;
  }
  int s = 0;
  for (struct node *p = head; p; p = p->next)
    s += p->value;
  return s;
}

int main(void) {
  printf("sum = %d\n", build_and_sum(4));
  return 0;
}
