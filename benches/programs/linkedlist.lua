-- Linked lists (twin of linkedlist.c): a cell is a table {value, next}; Lua frees by garbage
-- collection, where C calls free.
local LENGTH, ROUNDS = 20000, 140

local seed = 777
local function next()
  seed = (seed * 1103515245 + 12345) & 0xffffffff
  return seed >> 12
end

local h = 0
for _ = 1, ROUNDS do
  local head = nil
  local sum, kept = 0, 0

  for _ = 1, LENGTH do
    head = { value = next(), next = head }
  end

  local c = head
  while c ~= nil do
    sum = sum + c.value
    c = c.next
  end
  sum = sum & 0xffffffff

  local prev = nil
  while head ~= nil do
    c = head.next
    head.next = prev
    prev = head
    head = c
  end
  head = prev

  -- Unlink cells with odd values; without pointers to pointers, keep the previous cell.
  while head ~= nil and head.value & 1 == 1 do
    head = head.next
  end
  prev = head
  while prev ~= nil do
    c = prev.next
    if c ~= nil and c.value & 1 == 1 then
      prev.next = c.next
    else
      prev = c
    end
  end

  c = head
  while c ~= nil do
    h = (h * 31 + c.value) & 0xffffffff
    kept = kept + 1
    c = c.next
  end

  head = nil
  h = (h * 31 + sum + kept) & 0xffffffff
end
print(h)
