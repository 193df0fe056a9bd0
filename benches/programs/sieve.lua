local N = 1000000
local composite = {}
local count = 0
for round = 1, 30 do
  count = 0
  for i = 0, N do composite[i] = false end
  for i = 2, N do
    if not composite[i] then
      count = count + 1
      for j = i + i, N, i do composite[j] = true end
    end
  end
end
print(count)
