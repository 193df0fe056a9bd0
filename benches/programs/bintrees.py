# Binary trees (twin of bintrees.c): Python frees by reference counting, where C calls free.
MIN_DEPTH, MAX_DEPTH = 4, 15


class Node:
    __slots__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right


def build(depth):
    if depth > 0:
        return Node(build(depth - 1), build(depth - 1))
    return Node(None, None)


def count(n):
    if n.left is None:
        return 1
    return 1 + count(n.left) + count(n.right)


def main():
    h = 0
    stretch = build(MAX_DEPTH + 1)
    h = (h * 31 + count(stretch)) & 0xffffffff
    del stretch
    keep = build(MAX_DEPTH)
    for depth in range(MIN_DEPTH, MAX_DEPTH + 1, 2):
        iterations = 3 << (MAX_DEPTH - depth + MIN_DEPTH - 1)
        total = 0
        for _ in range(iterations):
            t = build(depth)
            total += count(t)
        h = (h * 31 + total) & 0xffffffff
    h = (h * 31 + count(keep)) & 0xffffffff
    print(h)


main()
