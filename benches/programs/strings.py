# String handling (twin of strings.c) on bytes objects: bytes compare as strcmp does.
WORDS, PER_SENTENCE, ROUNDS = 64, 12, 80000

seed = 12345


def next_random():
    global seed
    seed = (seed * 1103515245 + 12345) & 0xffffffff
    return seed >> 16


def main():
    dict_ = []
    for _ in range(WORDS):
        length = 3 + next_random() % 8
        cs = bytearray(length)
        for i in range(length):
            cs[i] = 97 + next_random() % 6
        dict_.append(bytes(cs))

    h = less = greater = equal = 0
    previous = b""
    for _ in range(ROUNDS):
        # Build: words separated by single spaces.
        sentence = b""
        for w in range(PER_SENTENCE):
            word = dict_[next_random() % WORDS]
            if w > 0:
                sentence += b" "
            sentence += word

        # Reverse into a second buffer.
        n = len(sentence)
        cs = bytearray(n)
        for i in range(n):
            cs[i] = sentence[n - 1 - i]
        reversed_ = bytes(cs)

        # Compare with the previous round's reversed sentence.
        if reversed_ < previous:
            less += 1
        elif reversed_ > previous:
            greater += 1
        else:
            equal += 1
        previous = reversed_

        # Count (overlapping) occurrences of a pattern.
        hits = 0
        p = sentence.find(b"ab")
        while p >= 0:
            hits += 1
            p = sentence.find(b"ab", p + 1)

        # Hash the reversed sentence.
        fnv = 2166136261
        for c in reversed_:
            fnv = ((fnv ^ c) * 16777619) & 0xffffffff

        h = (h * 31 + fnv + hits * 7 + n) & 0xffffffff
    print(h, less, greater, equal)


main()
