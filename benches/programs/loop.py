h = 2166136261
for i in range(100000000):
    h = ((h ^ i) * 16777619) & 0xffffffff
    h = (h + (i & 7)) & 0xffffffff
print(h)
