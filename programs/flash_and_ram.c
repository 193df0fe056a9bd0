/*
 * flash_and_ram.c - an embedded-style program: what goes to FLASH, what to RAM.
 *
 * What it shows: on a microcontroller there is no disk. The program is
 * stored in FLASH (non-volatile, read-only while running) and works in a
 * small RAM:
 *   FLASH: text (the code) and rodata (string literals, constants), plus
 *          the initial values of data, which the start-up code copies
 *          into RAM before main runs;
 *   RAM:   data (initialized globals), bss (zeroed by the start-up code),
 *          the heap and the stack.
 * RAM is scarce (often a few KiB), so this program, like many embedded
 * ones, never calls malloc: all its globals have a size fixed when it is
 * built, and it avoids deep recursion and big local arrays. Its one table
 * of constants is declared const, so it stays in FLASH and costs no RAM.
 * The "sensor" is simulated, so the output is the same every run.
 *
 * Try:  segvm map --layout embedded flash_and_ram.c
 *           the two regions; each symbol's cost in FLASH and in RAM; data
 *           runs in RAM but is loaded in FLASH (two addresses: VMA, LMA)
 *       segvm run --layout embedded --target ilp32 flash_and_ram.c
 *           as on a 32-bit microcontroller: FLASH at 0x08000000, RAM at
 *           0x20000000, int, long and pointers 4 bytes
 *       segvm debug --layout embedded flash_and_ram.c
 *           then: break Reset_Handler, run, print warn_level (garbage: RAM
 *           before start-up), break main, continue, print warn_level (30)
 */
#include <stdio.h>

#define WINDOW 4                  /* how many readings the average uses */

/* data (RAM): settings with initial values. The values 30 and 40 are also
   stored in FLASH, and copied into RAM at start-up. */
int warn_level = 30;
int alarm_level = 40;

/* data (RAM): a table of pointers. The texts it points to are string
   literals, so the characters stay in rodata (FLASH). */
const char *status_text[3] = {"ok", "WARNING", "ALARM"};

/* bss (RAM): a ring buffer of the last WINDOW readings, zero at start-up. */
int readings[WINDOW];
int next_slot;                    /* where the next reading goes */
int stored;                       /* how many readings are in the buffer */

/* rodata (FLASH): the sensor's test pattern. It is const, so it never has
   to be copied into RAM: the code reads it straight from FLASH. (Without
   const it would sit in data and take its 48 bytes twice: in FLASH for the
   initial values, and in RAM.) A write to it is a fault. */
static const int pattern[12] = {21, 23, 26, 30, 35, 41, 46, 44, 38, 31, 25, 22};

/* A pretend temperature sensor: a fixed pattern that rises and falls. */
static int read_sensor(int tick)
{
    return pattern[tick % 12];
}

static void store(int value)
{
    readings[next_slot] = value;
    next_slot = (next_slot + 1) % WINDOW;   /* wrap around: a ring */
    if (stored < WINDOW)
        stored++;
}

static int average(void)
{
    int i, sum = 0;
    for (i = 0; i < stored; i++)
        sum += readings[i];
    return sum / stored;
}

int main(void)
{
    int tick;
    int alarms = 0;

    for (tick = 0; tick < 12; tick++) {
        int value = read_sensor(tick);   /* stack: locals of this loop body */
        int avg, level;

        store(value);
        avg = average();
        if (avg >= alarm_level) {
            level = 2;
            alarms++;
        } else if (avg >= warn_level) {
            level = 1;
        } else {
            level = 0;
        }
        printf("tick %2d: reading %2d, average of last %d: %2d  %s\n", tick,
               value, stored, avg, status_text[level]);
    }
    printf("%d ticks in alarm\n", alarms);
    printf("RAM for the ring buffer and its counters: %lu bytes\n",
           (unsigned long)(sizeof readings + sizeof next_slot + sizeof stored));
    return 0;
}
