-- String handling (twin of strings.c): Lua strings are immutable, so the sentence is built
-- by concatenation and the reversed copy from a table of characters.
local WORDS, PER_SENTENCE, ROUNDS = 64, 12, 80000
local byte, char, find, concat = string.byte, string.char, string.find, table.concat

local seed = 12345
local function next()
  seed = (seed * 1103515245 + 12345) & 0xffffffff
  return seed >> 16
end

local dict = {}
for w = 0, WORDS - 1 do
  local len = 3 + next() % 8
  local cs = {}
  for i = 1, len do cs[i] = char(97 + next() % 6) end
  dict[w] = concat(cs)
end

local h, less, greater, equal = 0, 0, 0, 0
local previous = ""
for _ = 1, ROUNDS do
  -- Build: words separated by single spaces.
  local sentence = ""
  for w = 0, PER_SENTENCE - 1 do
    local word = dict[next() % WORDS]
    if w > 0 then sentence = sentence .. " " end
    sentence = sentence .. word
  end

  -- Reverse into a second string.
  local n = #sentence
  local cs = {}
  for i = 1, n do cs[i] = char(byte(sentence, n + 1 - i)) end
  local reversed = concat(cs)

  -- Compare with the previous round's reversed sentence.
  if reversed < previous then
    less = less + 1
  elseif reversed > previous then
    greater = greater + 1
  else
    equal = equal + 1
  end
  previous = reversed

  -- Count (overlapping) occurrences of a pattern.
  local hits = 0
  local p = find(sentence, "ab", 1, true)
  while p do
    hits = hits + 1
    p = find(sentence, "ab", p + 1, true)
  end

  -- Hash the reversed sentence.
  local fnv = 2166136261
  for i = 1, n do
    fnv = ((fnv ~ byte(reversed, i)) * 16777619) & 0xffffffff
  end

  h = (h * 31 + fnv + hits * 7 + n) & 0xffffffff
end
print(h .. " " .. less .. " " .. greater .. " " .. equal)
