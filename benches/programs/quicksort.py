# Quicksort of an LCG-filled array (twin of quicksort.c).
import sys

N, ROUNDS = 250000, 10


def quicksort(a, lo, hi):
    i, j = lo, hi
    pivot = a[lo + (hi - lo) // 2]
    while i <= j:
        while a[i] < pivot:
            i += 1
        while a[j] > pivot:
            j -= 1
        if i <= j:
            a[i], a[j] = a[j], a[i]
            i += 1
            j -= 1
    if lo < j:
        quicksort(a, lo, j)
    if i < hi:
        quicksort(a, i, hi)


def main():
    v = [0] * N
    seed, h, unsorted = 20240601, 0, 0
    for _ in range(ROUNDS):
        for i in range(N):
            seed = (seed * 1103515245 + 12345) & 0xffffffff
            v[i] = (seed >> 8) & 0xffffff
        quicksort(v, 0, N - 1)
        for i in range(1, N):
            if v[i - 1] > v[i]:
                unsorted += 1
        for i in range(0, N, 7):
            h = (h * 31 + v[i]) & 0xffffffff
    print(h, unsorted)


sys.setrecursionlimit(10000)
main()
