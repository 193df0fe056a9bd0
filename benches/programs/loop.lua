local h = 2166136261
for i = 0, 100000000 - 1 do
  h = ((h ~ i) * 16777619) & 0xffffffff
  h = (h + (i & 7)) & 0xffffffff
end
print(h)
