-- Binary trees (twin of bintrees.c): a node is a table {left, right}; a leaf has neither.
-- Lua frees by garbage collection, where C calls free.
local MIN_DEPTH, MAX_DEPTH = 4, 15

local function build(depth)
  if depth > 0 then
    return { build(depth - 1), build(depth - 1) }
  end
  return {}
end

local function count(n)
  local left = n[1]
  if left == nil then return 1 end
  return 1 + count(left) + count(n[2])
end

local h = 0
local stretch = build(MAX_DEPTH + 1)
h = (h * 31 + count(stretch)) & 0xffffffff
stretch = nil

local keep = build(MAX_DEPTH)
for depth = MIN_DEPTH, MAX_DEPTH, 2 do
  local iterations = 3 << (MAX_DEPTH - depth + MIN_DEPTH - 1)
  local total = 0
  for _ = 1, iterations do
    local t = build(depth)
    total = total + count(t)
  end
  h = (h * 31 + total) & 0xffffffff
end
h = (h * 31 + count(keep)) & 0xffffffff
print(h)
