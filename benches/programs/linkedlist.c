/* Linked lists: build a singly linked list of malloc'd cells by pushing at the front,
   traverse it, reverse it in place, unlink and free the cells with odd values, traverse
   again, and free the rest. Several rounds. */
#include <stdio.h>
#include <stdlib.h>

#define LENGTH 20000
#define ROUNDS 140

struct cell {
    unsigned int value;
    struct cell *next;
};

static unsigned int seed = 777u;

static unsigned int next(void) {
    seed = seed * 1103515245u + 12345u;
    return seed >> 12;
}

int main(void) {
    unsigned int h = 0u;
    int round;
    for (round = 0; round < ROUNDS; round++) {
        struct cell *head = NULL, *c, *prev, **link;
        unsigned int sum = 0u, kept = 0u;
        int i;

        for (i = 0; i < LENGTH; i++) {
            c = malloc(sizeof *c);
            if (c == NULL) {
                printf("out of memory\n");
                return 1;
            }
            c->value = next();
            c->next = head;
            head = c;
        }

        for (c = head; c != NULL; c = c->next)
            sum += c->value;

        prev = NULL;
        while (head != NULL) {
            c = head->next;
            head->next = prev;
            prev = head;
            head = c;
        }
        head = prev;

        link = &head;
        while (*link != NULL) {
            c = *link;
            if (c->value & 1u) {
                *link = c->next;
                free(c);
            } else {
                link = &c->next;
            }
        }

        for (c = head; c != NULL; c = c->next) {
            h = h * 31u + c->value;
            kept++;
        }

        while (head != NULL) {
            c = head->next;
            free(head);
            head = c;
        }
        h = h * 31u + sum + kept;
    }
    printf("%u\n", h);
    return 0;
}
