/* program: Dijkstra shortest paths on an adjacency matrix, with path output */
#include <stdio.h>
#include <limits.h>

#define V 8
#define INF INT_MAX

static void print_path(const int *prev, int v) {
    if (prev[v] >= 0) { print_path(prev, prev[v]); printf("->"); }
    printf("%c", 'A' + v);
}

static void floyd(int g[V][V], int d[V][V]) {
    int i, j, k;
    for (i = 0; i < V; i++)
        for (j = 0; j < V; j++) d[i][j] = i == j ? 0 : g[i][j] ? g[i][j] : INF;
    for (k = 0; k < V; k++)
        for (i = 0; i < V; i++)
            for (j = 0; j < V; j++)
                if (d[i][k] != INF && d[k][j] != INF && d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
}

static void shortest(int g[V][V], int src, int *dist, int *prev) {
    int done[V], i, k;
    for (i = 0; i < V; i++) { dist[i] = INF; prev[i] = -1; done[i] = 0; }
    dist[src] = 0;
    for (k = 0; k < V; k++) {
        int u = -1;
        for (i = 0; i < V; i++)
            if (!done[i] && dist[i] != INF && (u < 0 || dist[i] < dist[u])) u = i;
        if (u < 0) break;
        done[u] = 1;
        for (i = 0; i < V; i++)
            if (g[u][i] && !done[i] && dist[u] + g[u][i] < dist[i]) {
                dist[i] = dist[u] + g[u][i];
                prev[i] = u;
            }
    }
}

int main(void) {
    int g[V][V] = { 0 };
    int edges[][3] = { { 0, 1, 4 }, { 0, 2, 1 }, { 2, 1, 2 }, { 1, 3, 1 }, { 2, 3, 5 }, { 3, 4, 3 },
                       { 4, 5, 1 }, { 3, 5, 7 }, { 5, 6, 2 }, { 4, 6, 6 }, { 1, 4, 8 } };
    int ne = sizeof edges / sizeof edges[0], i, k;
    (void)k;
    for (i = 0; i < ne; i++) {
        g[edges[i][0]][edges[i][1]] = edges[i][2];
        g[edges[i][1]][edges[i][0]] = edges[i][2];
    }
    int dist[V], prev[V], all[V][V];
    shortest(g, 0, dist, prev);
    for (i = 0; i < V; i++) {
        printf("%c: ", 'A' + i);
        if (dist[i] == INF) { printf("unreachable\n"); continue; }
        printf("%2d  ", dist[i]);
        print_path(prev, i);
        printf("\n");
    }
    floyd(g, all);
    int agree = 1;
    for (k = 0; k < V; k++) {
        shortest(g, k, dist, prev);
        for (i = 0; i < V; i++) if (dist[i] != all[k][i]) agree = 0;
    }
    printf("floyd agrees: %d, G->A = %d\n", agree, all[6][0]);
    return 0;
}
