# Linked lists (twin of linkedlist.c): Python frees by reference counting, where C calls free.
LENGTH, ROUNDS = 20000, 140


class Cell:
    __slots__ = ("value", "next")

    def __init__(self, value, next_):
        self.value = value
        self.next = next_


seed = 777


def next_random():
    global seed
    seed = (seed * 1103515245 + 12345) & 0xffffffff
    return seed >> 12


def main():
    h = 0
    for _ in range(ROUNDS):
        head = None
        total = kept = 0

        for _ in range(LENGTH):
            head = Cell(next_random(), head)

        c = head
        while c is not None:
            total += c.value
            c = c.next
        total &= 0xffffffff

        prev = None
        while head is not None:
            c = head.next
            head.next = prev
            prev = head
            head = c
        head = prev

        # Unlink cells with odd values; without pointers to pointers, keep the previous cell.
        while head is not None and head.value & 1:
            head = head.next
        prev = head
        while prev is not None:
            c = prev.next
            if c is not None and c.value & 1:
                prev.next = c.next
            else:
                prev = c

        c = head
        while c is not None:
            h = (h * 31 + c.value) & 0xffffffff
            kept += 1
            c = c.next

        head = None
        h = (h * 31 + total + kept) & 0xffffffff
    print(h)


main()
