-- Arrays of structs (twin of particles.c): each particle is a table with fields x, y, vx, vy.
local COUNT, STEPS = 100, 3000

local seed = 4242
local function uniform()
  seed = (seed * 1103515245 + 12345) & 0xffffffff
  return ((seed >> 8) % 2001) / 1000.0 - 1.0
end

local function step(p, n, dt)
  for i = 1, n do
    local a = p[i]
    for j = i + 1, n do
      local b = p[j]
      local dx = b.x - a.x
      local dy = b.y - a.y
      local f = 0.00001 / (dx * dx + dy * dy + 0.01)
      a.vx = a.vx + dx * f
      a.vy = a.vy + dy * f
      b.vx = b.vx - dx * f
      b.vy = b.vy - dy * f
    end
  end
  for i = 1, n do
    local a = p[i]
    a.x = a.x + a.vx * dt
    a.y = a.y + a.vy * dt
  end
end

local ps = {}
for i = 1, COUNT do
  local x = uniform()
  local y = uniform()
  local vx = uniform() * 0.1
  local vy = uniform() * 0.1
  ps[i] = { x = x, y = y, vx = vx, vy = vy }
end
for _ = 1, STEPS do step(ps, COUNT, 0.001) end
local sx, sy, energy = 0.0, 0.0, 0.0
for i = 1, COUNT do
  local a = ps[i]
  sx = sx + a.x
  sy = sy + a.y
  energy = energy + (a.vx * a.vx + a.vy * a.vy)
end
print(string.format("%.9f %.9f %.9f", sx, sy, energy))
