/* arrays of structs indexed and iterated */
#include <stdio.h>

struct Item { const char *name; int qty; double price; };

int main(void) {
    struct Item items[] = {
        { "apple", 3, 0.5 }, { "pear", 2, 0.75 }, { "fig", 10, 0.2 },
    };
    int n = sizeof items / sizeof items[0];
    double total = 0;
    int i;
    for (i = 0; i < n; i++) {
        total += items[i].qty * items[i].price;
        printf("%-6s %3d %6.2f\n", items[i].name, items[i].qty, items[i].price);
    }
    printf("n=%d total=%.2f\n", n, total);
    struct Item *p = items + 1;
    p->qty = 99;
    printf("%d %s\n", items[1].qty, (p + 1)->name);
    return 0;
}
