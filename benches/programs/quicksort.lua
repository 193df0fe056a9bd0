-- Quicksort of an LCG-filled array (twin of quicksort.c; the array is 0-based like C's).
local N, ROUNDS = 250000, 10

local function quicksort(a, lo, hi)
  local i, j = lo, hi
  local pivot = a[lo + (hi - lo) // 2]
  while i <= j do
    while a[i] < pivot do i = i + 1 end
    while a[j] > pivot do j = j - 1 end
    if i <= j then
      a[i], a[j] = a[j], a[i]
      i = i + 1
      j = j - 1
    end
  end
  if lo < j then quicksort(a, lo, j) end
  if i < hi then quicksort(a, i, hi) end
end

local v = {}
local seed, h, unsorted = 20240601, 0, 0
for round = 1, ROUNDS do
  for i = 0, N - 1 do
    seed = (seed * 1103515245 + 12345) & 0xffffffff
    v[i] = (seed >> 8) & 0xffffff
  end
  quicksort(v, 0, N - 1)
  for i = 1, N - 1 do
    if v[i - 1] > v[i] then unsorted = unsorted + 1 end
  end
  for i = 0, N - 1, 7 do
    h = (h * 31 + v[i]) & 0xffffffff
  end
end
print(h .. " " .. unsorted)
