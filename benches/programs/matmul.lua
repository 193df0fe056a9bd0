-- 2-D matrix multiply: C = A * B on doubles (twin of matmul.c; rows and columns 1-based).
local N = 370
local a, b, c = {}, {}, {}
for i = 0, N - 1 do
  local ai, bi = {}, {}
  for j = 0, N - 1 do
    ai[j + 1] = ((i * 7 + j * 3) % 17) / 8.0
    bi[j + 1] = ((i * 5 + j * 11) % 13 - 6) / 4.0
  end
  a[i + 1], b[i + 1] = ai, bi
end
for i = 1, N do
  local ai, ci = a[i], {}
  for j = 1, N do
    local s = 0.0
    for k = 1, N do
      s = s + ai[k] * b[k][j]
    end
    ci[j] = s
  end
  c[i] = ci
end
local sum = 0.0
for i = 0, N - 1 do
  for j = 0, N - 1 do
    sum = sum + c[i + 1][j + 1] * ((i + j) % 5 + 1)
  end
end
print(string.format("%.6f", sum))
