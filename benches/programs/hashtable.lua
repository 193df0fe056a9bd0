-- A hash table with open addressing and linear probing (twin of hashtable.c): two arrays
-- of slots, keys and counts, indexed from 0 like C's.
local BITS = 16
local SIZE = 1 << BITS
local MASK = SIZE - 1
local INSERTS, LOOKUPS, ROUNDS = 30000, 60000, 110

local keys, counts = {}, {}

local seed = 99
local function next()
  seed = (seed * 1103515245 + 12345) & 0xffffffff
  return seed >> 8
end

local function slot_of(key)
  return ((key * 2654435761) & 0xffffffff) >> (32 - BITS)
end

local function insert(key)
  local s = slot_of(key)
  while keys[s] ~= 0 and keys[s] ~= key do
    s = (s + 1) & MASK
  end
  if keys[s] == 0 then keys[s] = key end
  counts[s] = counts[s] + 1
end

local function lookup(key)
  local s = slot_of(key)
  while keys[s] ~= 0 do
    if keys[s] == key then return counts[s] end
    s = (s + 1) & MASK
  end
  return 0
end

local h = 0
for _ = 1, ROUNDS do
  local found, missing, used = 0, 0, 0
  for s = 0, SIZE - 1 do
    keys[s] = 0
    counts[s] = 0
  end
  for _ = 1, INSERTS do
    insert(next() % 50000 * 2 + 2)
  end
  for _ = 1, LOOKUPS do
    local c = lookup(next() % 100000 + 1)
    if c ~= 0 then
      found = found + c
    else
      missing = missing + 1
    end
  end
  for s = 0, SIZE - 1 do
    if keys[s] ~= 0 then used = used + 1 end
  end
  h = (h * 31 + found) & 0xffffffff
  h = (h * 31 + missing) & 0xffffffff
  h = (h * 31 + used) & 0xffffffff
end
print(h)
