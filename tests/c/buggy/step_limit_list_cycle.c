/* kind: step-limit */
/* bug: the list's last node points back to the first: the walk never ends (line 15) */
#include <stdio.h>

struct node {
  int value;
  struct node *next;
};

int main(void) {
  struct node c = {3, NULL}, b = {2, &c}, a = {1, &b};
  c.next = &a;
  int len = 0;
  printf("measuring the list\n");
  for (struct node *n = &a; n; n = n->next)
    len++;
  printf("length %d\n", len);
  return 0;
}
