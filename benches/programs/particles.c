/* Arrays of structs: an n-body-like simulation of particles {x, y, vx, vy} under a
   softened pairwise attraction (no square roots), stepped with explicit Euler.
   Only + - * / on doubles, in a fixed order, so every run rounds identically. */
#include <stdio.h>

#define COUNT 100
#define STEPS 3000

struct particle {
    double x, y, vx, vy;
};

static struct particle ps[COUNT];

static unsigned int seed = 4242u;

static double uniform(void) {
    seed = seed * 1103515245u + 12345u;
    return (double)((seed >> 8) % 2001u) / 1000.0 - 1.0;
}

static void step(struct particle *p, int n, double dt) {
    int i, j;
    for (i = 0; i < n; i++) {
        struct particle *a = &p[i];
        for (j = i + 1; j < n; j++) {
            struct particle *b = &p[j];
            double dx = b->x - a->x;
            double dy = b->y - a->y;
            double f = 0.00001 / (dx * dx + dy * dy + 0.01);
            a->vx += dx * f;
            a->vy += dy * f;
            b->vx -= dx * f;
            b->vy -= dy * f;
        }
    }
    for (i = 0; i < n; i++) {
        p[i].x += p[i].vx * dt;
        p[i].y += p[i].vy * dt;
    }
}

int main(void) {
    int i, s;
    double sx = 0.0, sy = 0.0, energy = 0.0;
    for (i = 0; i < COUNT; i++) {
        ps[i].x = uniform();
        ps[i].y = uniform();
        ps[i].vx = uniform() * 0.1;
        ps[i].vy = uniform() * 0.1;
    }
    for (s = 0; s < STEPS; s++)
        step(ps, COUNT, 0.001);
    for (i = 0; i < COUNT; i++) {
        sx += ps[i].x;
        sy += ps[i].y;
        energy += ps[i].vx * ps[i].vx + ps[i].vy * ps[i].vy;
    }
    printf("%.9f %.9f %.9f\n", sx, sy, energy);
    return 0;
}
