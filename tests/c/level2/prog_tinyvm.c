/* program: a tiny stack VM running factorial, fibonacci and a loop */
#include <stdio.h>

enum Op { PUSH, POP, DUP, SWAP, OVER, ADD, SUB, MUL, DIV, LT, JMP, JZ, CALL, RET, LOAD, STORE, PRINT, HALT };

static const char *names[] = { "PUSH", "POP", "DUP", "SWAP", "OVER", "ADD", "SUB", "MUL", "DIV",
                               "LT", "JMP", "JZ", "CALL", "RET", "LOAD", "STORE", "PRINT", "HALT" };

static long run(const int *code, int trace) {
    long stack[64], mem[8] = { 0 };
    int rstack[16];
    int sp = 0, rsp = 0, pc = 0, steps = 0;
    for (;;) {
        int op = code[pc++];
        long a, b;
        steps++;
        if (trace) printf("  %2d %-5s sp=%d\n", pc - 1, names[op], sp);
        switch (op) {
        case PUSH: stack[sp++] = code[pc++]; break;
        case POP: sp--; break;
        case DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case SWAP: a = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = a; break;
        case OVER: stack[sp] = stack[sp - 2]; sp++; break;
        case ADD: b = stack[--sp]; a = stack[--sp]; stack[sp++] = a + b; break;
        case SUB: b = stack[--sp]; a = stack[--sp]; stack[sp++] = a - b; break;
        case MUL: b = stack[--sp]; a = stack[--sp]; stack[sp++] = a * b; break;
        case DIV: b = stack[--sp]; a = stack[--sp]; stack[sp++] = a / b; break;
        case LT: b = stack[--sp]; a = stack[--sp]; stack[sp++] = a < b; break;
        case JMP: pc = code[pc]; break;
        case JZ: if (stack[--sp] == 0) pc = code[pc]; else pc++; break;
        case CALL: rstack[rsp++] = pc + 1; pc = code[pc]; break;
        case RET: pc = rstack[--rsp]; break;
        case LOAD: stack[sp++] = mem[code[pc++]]; break;
        case STORE: mem[code[pc++]] = stack[--sp]; break;
        case PRINT: printf("%ld\n", stack[--sp]); break;
        case HALT: printf("steps=%d\n", steps); return sp ? stack[sp - 1] : 0;
        }
    }
}

int main(void) {
    /* factorial(10) iteratively: mem0 = n, mem1 = acc */
    int fact[] = { PUSH, 10, STORE, 0, PUSH, 1, STORE, 1,
                   LOAD, 0, JZ, 26, LOAD, 1, LOAD, 0, MUL, STORE, 1, LOAD, 0, PUSH, 1, SUB, STORE, 0,
                   JMP, 8 };
    int fact_fixed[sizeof fact / sizeof fact[0] + 4];
    size_t i;
    for (i = 0; i < sizeof fact / sizeof fact[0]; i++) fact_fixed[i] = fact[i];
    fact_fixed[11] = 28;
    fact_fixed[28] = LOAD; fact_fixed[29] = 1; fact_fixed[30] = PRINT; fact_fixed[31] = HALT;
    run(fact_fixed, 0);
    /* fibonacci numbers below 100 */
    int fib[] = { PUSH, 0, PUSH, 1,
                  OVER, PRINT, DUP, PUSH, 100, LT, JZ, 20, SWAP, OVER, ADD, JMP, 4, HALT, HALT, HALT, HALT };
    run(fib, 0);
    /* subroutine: square of 7 via CALL/RET, traced */
    int sq[] = { PUSH, 7, CALL, 6, PRINT, HALT, DUP, MUL, RET };
    long r = run(sq, 1);
    printf("result=%ld\n", r);
    return 0;
}
