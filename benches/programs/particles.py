# Arrays of structs (twin of particles.c): each particle is an object with slots x, y, vx, vy.
COUNT, STEPS = 100, 3000


class Particle:
    __slots__ = ("x", "y", "vx", "vy")

    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy


seed = 4242


def uniform():
    global seed
    seed = (seed * 1103515245 + 12345) & 0xffffffff
    return ((seed >> 8) % 2001) / 1000.0 - 1.0


def step(p, n, dt):
    for i in range(n):
        a = p[i]
        for j in range(i + 1, n):
            b = p[j]
            dx = b.x - a.x
            dy = b.y - a.y
            f = 0.00001 / (dx * dx + dy * dy + 0.01)
            a.vx += dx * f
            a.vy += dy * f
            b.vx -= dx * f
            b.vy -= dy * f
    for i in range(n):
        a = p[i]
        a.x += a.vx * dt
        a.y += a.vy * dt


def main():
    ps = []
    for _ in range(COUNT):
        x = uniform()
        y = uniform()
        vx = uniform() * 0.1
        vy = uniform() * 0.1
        ps.append(Particle(x, y, vx, vy))
    for _ in range(STEPS):
        step(ps, COUNT, 0.001)
    sx = sy = energy = 0.0
    for a in ps:
        sx += a.x
        sy += a.y
        energy += a.vx * a.vx + a.vy * a.vy
    print("%.9f %.9f %.9f" % (sx, sy, energy))


main()
