/* Under --check, every level of a 30,000-deep recursion allocates: each allocation keeps
   where it was made, which once meant a backtrace 30,000 frames deep per block. */
#include <stdio.h>
#include <stdlib.h>

struct node {
  struct node *next;
  int depth;
};

static struct node *build(int depth, struct node *list) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    return list;
  n->next = list;
  n->depth = depth;
  if (depth == 30000)
    return n;
  return build(depth + 1, n);
}

int main(void) {
  struct node *list = build(0, NULL);
  long sum = 0;
  while (list) {
    struct node *next = list->next;
    sum += list->depth;
    free(list);
    list = next;
  }
  printf("%ld\n", sum);
  return 0;
}
