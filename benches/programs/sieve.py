N = 1000000
composite = bytearray(N + 1)
count = 0
for round in range(30):
    count = 0
    for i in range(N + 1):
        composite[i] = 0
    for i in range(2, N + 1):
        if not composite[i]:
            count += 1
            for j in range(i + i, N + 1, i):
                composite[j] = 1
print(count)
