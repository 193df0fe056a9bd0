# 2-D matrix multiply: C = A * B on doubles (twin of matmul.c).
N = 370
a = [[((i * 7 + j * 3) % 17) / 8.0 for j in range(N)] for i in range(N)]
b = [[((i * 5 + j * 11) % 13 - 6) / 4.0 for j in range(N)] for i in range(N)]
c = [[0.0] * N for _ in range(N)]
for i in range(N):
    ai = a[i]
    ci = c[i]
    for j in range(N):
        s = 0.0
        for k in range(N):
            s += ai[k] * b[k][j]
        ci[j] = s
total = 0.0
for i in range(N):
    for j in range(N):
        total += c[i][j] * float((i + j) % 5 + 1)
print("%.6f" % total)
