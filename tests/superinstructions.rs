//! The loader's superinstructions run only when nobody observes the program; observed
//! runs (the tracer, the debugger, `--check`) execute the plain instructions. Both must
//! agree on everything a user can see: output, exit status, and the steps counted,
//! including where a step limit stops the program inside a fused pair, and where a fault
//! in the second half of a pair (a callee's `enter`) is reported.

use segvm::driver::{self, Options, Phase};
use segvm::vm::{Config, Io, Observer, Stop, Unobserved, Vm, alloc};

/// Observes every instruction and does nothing: forces the plain code.
struct Plain;
impl Observer for Plain {}

struct Outcome {
    stop: String,
    steps: u64,
    /// The instruction the run stopped at.
    pc: usize,
    stdout: Vec<u8>,
}

fn run<O: Observer>(src: &str, max_steps: u64, obs: &mut O) -> Outcome {
    let c = driver::compile("loops.c", src, &Options::default(), Phase::Link);
    let image = c.image.as_ref().expect("the program compiles");
    let config = Config {
        max_steps,
        ..Config::default()
    };
    let heap = alloc::by_name("first-fit").expect("the allocator exists");
    let io = Io::new(Box::new(std::io::Cursor::new(Vec::new())));
    let mut vm = Vm::new(image, config, heap, io).expect("the image loads");
    let stop = match vm.run(obs) {
        Stop::Exit(s) => format!("exit {s}"),
        Stop::Fault(f) => format!("fault {}", f.trap.kind()),
        Stop::Paused => "paused".to_string(),
    };
    vm.io.flush_out();
    Outcome {
        stop,
        steps: vm.steps,
        pc: vm.pc,
        stdout: vm.io.stdout.clone(),
    }
}

/// The program run fused and plain, each with `max_steps`, once both are checked to have
/// stopped the same way after the same steps.
fn both(src: &str, max_steps: u64) -> (Outcome, Outcome) {
    let fast = run(src, max_steps, &mut Unobserved);
    let plain = run(src, max_steps, &mut Plain);
    assert_eq!(fast.stop, plain.stop, "limit {max_steps}");
    assert_eq!(fast.steps, plain.steps, "limit {max_steps}");
    (fast, plain)
}

const LOOPS: &str = include_str!("c/level2/loop_shapes.c");

#[test]
fn fused_and_plain_runs_agree() {
    let (fast, plain) = both(LOOPS, u64::MAX);
    assert_eq!(fast.stop, "exit 0");
    assert_eq!(fast.stdout, plain.stdout);
    assert_eq!(String::from_utf8_lossy(&fast.stdout), "360 0 7 5 4\n");
}

#[test]
fn a_step_limit_stops_both_at_the_same_count() {
    let total = run(LOOPS, u64::MAX, &mut Unobserved).steps;
    // Every limit in a stretch of the run, so some fall between the two halves of a pair.
    for limit in (total / 2..total / 2 + 40).chain([1, 2, 3, total - 1]) {
        let (fast, plain) = both(LOOPS, limit);
        assert_eq!(fast.steps, limit, "limit {limit}");
        assert_eq!(fast.stop, "fault step-limit", "limit {limit}");
        assert_eq!(fast.stdout, plain.stdout, "limit {limit}");
    }
}

/// Calls, each a `call` fused with its callee's `enter`; recursion deep enough to overflow
/// the stack when asked to.
const CALLS: &str = r#"
#include <stdio.h>
static int depth(int n, int limit) {
    int pad[8];
    pad[n % 8] = n;
    return n == limit ? pad[n % 8] : depth(n + 1, limit) + 1;
}
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int main(int argc, char **argv) {
    printf("%d %d\n", fib(15), depth(0, 1000));
    if (argc > 0 && argv[0][0] == 'x')
        return 1;
    return depth(0, 1 << 30) > 0;
}
"#;

#[test]
fn calls_fused_with_their_enter_agree_with_plain_calls() {
    // The unbounded recursion overflows the stack in the callee's `enter`: both runs stop
    // there, at the same instruction, after the same steps.
    let (fast, plain) = both(CALLS, u64::MAX);
    assert_eq!(fast.stop, "fault stack-overflow");
    assert_eq!(fast.pc, plain.pc);
    assert_eq!(String::from_utf8_lossy(&fast.stdout), "610 2000\n");
    assert_eq!(fast.stdout, plain.stdout);
    for limit in (1000..1040).chain([1, 2, 3, 4, 5]) {
        let (fast, _) = both(CALLS, limit);
        assert_eq!(fast.steps, limit, "limit {limit}");
    }
}
