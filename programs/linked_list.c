/*
 * linked_list.c - a singly linked list of nodes allocated with malloc.
 *
 * What it shows: each node is a struct on the heap, holding a value and
 * the address of the next node. Only the pointer to the first node ('head')
 * is a local on the stack; everything else is reached through pointers.
 * The nodes need not be next to each other in memory. Every malloc is
 * matched by a free at the end, and the program counts them to prove it.
 *
 * Try:  segvm run linked_list.c
 */
#include <stdio.h>
#include <stdlib.h>

typedef struct node {
    int value;
    struct node *next;            /* NULL in the last node */
} Node;

static int live_nodes = 0;        /* bss: nodes allocated and not yet freed */

static Node *new_node(int value)
{
    Node *n = malloc(sizeof *n);  /* heap: the node outlives this call */
    if (n == NULL) {
        printf("out of memory\n");
        exit(1);
    }
    n->value = value;
    n->next = NULL;
    live_nodes++;
    return n;
}

static Node *push_front(Node *head, int value)
{
    Node *n = new_node(value);
    n->next = head;
    return n;                     /* the new node is the new head */
}

static Node *append(Node *head, int value)
{
    Node *n = new_node(value);
    Node *p;
    if (head == NULL)
        return n;
    for (p = head; p->next != NULL; p = p->next)
        ;
    p->next = n;
    return head;
}

/* Remove the first node holding value, if there is one. */
static Node *remove_value(Node *head, int value)
{
    Node **link = &head;          /* the pointer that points at the current node */
    while (*link != NULL && (*link)->value != value)
        link = &(*link)->next;
    if (*link != NULL) {
        Node *gone = *link;
        *link = gone->next;
        free(gone);
        live_nodes--;
    }
    return head;
}

static Node *reverse(Node *head)
{
    Node *prev = NULL;
    while (head != NULL) {
        Node *next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

static void print_list(const char *label, const Node *head)
{
    printf("%-14s", label);
    for (; head != NULL; head = head->next)
        printf(" %d ->", head->value);
    printf(" NULL\n");
}

static void free_list(Node *head)
{
    while (head != NULL) {
        Node *next = head->next;  /* read it BEFORE freeing the node */
        free(head);
        live_nodes--;
        head = next;
    }
}

int main(void)
{
    Node *head = NULL;            /* stack: one pointer; the nodes are on the heap */
    int i;

    for (i = 1; i <= 4; i++)
        head = append(head, i * 10);
    print_list("appended:", head);
    head = push_front(head, 5);
    print_list("push_front 5:", head);
    head = remove_value(head, 30);
    print_list("removed 30:", head);
    head = reverse(head);
    print_list("reversed:", head);
    printf("nodes on the heap: %d\n", live_nodes);

    free_list(head);
    head = NULL;
    printf("after free_list: %d nodes left\n", live_nodes);
    return 0;
}
