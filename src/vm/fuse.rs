//! Superinstructions: the loader rewrites common pairs of instructions into one that does
//! the work of both, so the dispatch loop runs once instead of twice.
//!
//! The fused instruction replaces the first of its pair and continues after the second;
//! the second stays in place, so a jump to it (a `for` loop's first test) still finds
//! it. Text keeps the plain instructions: the disassembler, the tracer and the debugger
//! (which run the plain code) see exactly what the compiler emitted, and a fused
//! instruction counts as the two steps it stands for.

use crate::bytecode::{Imm, NearSlot, Op, Slot, Small};

/// The code with superinstructions formed (same length, same targets).
pub(crate) fn superinstructions(code: &[Op]) -> Vec<Op> {
    let mut fast = code.to_vec();
    for (k, pair) in code.windows(2).enumerate() {
        if let Some(op) = fuse(pair[0], pair[1]) {
            fast[k] = op;
        }
    }
    // A call and the `enter` its callee begins with: the pair is the call and its target.
    for op in fast.iter_mut() {
        if let Op::Call { f } = *op
            && let Some(&Op::Enter { n, up }) = code.get(f.0 as usize)
        {
            *op = Op::CallEnter { f, n, up };
        }
    }
    fast
}

/// `x += c` followed by a conditional jump on `x`.
fn fuse(first: Op, second: Op) -> Option<Op> {
    let inc = |d: Slot, a: Slot, imm: Imm| -> Option<(Slot, Small)> {
        (d == a).then_some(())?;
        Some((d, Small(i16::try_from(imm.0).ok()?)))
    };
    match first {
        Op::AddI32 { d, a, imm } => {
            let (x, inc) = inc(d, a, imm)?;
            Some(match second {
                Op::JLtSI32 { a, imm, t } if a == x => Op::IncJLtSI32 { a, inc, imm, t },
                Op::JLeSI32 { a, imm, t } if a == x => Op::IncJLeSI32 { a, inc, imm, t },
                Op::JGtSI32 { a, imm, t } if a == x => Op::IncJGtSI32 { a, inc, imm, t },
                Op::JGeSI32 { a, imm, t } if a == x => Op::IncJGeSI32 { a, inc, imm, t },
                Op::JNeI32 { a, imm, t } if a == x => Op::IncJNeI32 { a, inc, imm, t },
                Op::JLtS32 { a, b, t } if a == x => Op::IncJLtS32 { a, inc, b, t },
                Op::JLeS32 { a, b, t } if a == x => Op::IncJLeS32 { a, inc, b, t },
                Op::JNe32 { a, b, t } if a == x => Op::IncJNe32 { a, inc, b, t },
                _ => return None,
            })
        }
        // `x += y` (y a slot near the frame pointer) and a test of x against a constant.
        Op::Add32 { d, a, b } if d == a => {
            let (x, by) = (d, NearSlot(i16::try_from(b.0).ok()?));
            Some(match second {
                Op::JLtSI32 { a, imm, t } if a == x => Op::AddJLtSI32 { a, by, imm, t },
                Op::JLeSI32 { a, imm, t } if a == x => Op::AddJLeSI32 { a, by, imm, t },
                Op::JGtSI32 { a, imm, t } if a == x => Op::AddJGtSI32 { a, by, imm, t },
                Op::JGeSI32 { a, imm, t } if a == x => Op::AddJGeSI32 { a, by, imm, t },
                _ => return None,
            })
        }
        Op::AddI64 { d, a, imm } => {
            let (x, inc) = inc(d, a, imm)?;
            Some(match second {
                Op::JLtU64 { a, b, t } if a == x => Op::IncJLtU64 { a, inc, b, t },
                Op::JLtS64 { a, b, t } if a == x => Op::IncJLtS64 { a, inc, b, t },
                _ => return None,
            })
        }
        _ => None,
    }
}

/// Whether an instruction is one the loader forms (text must not contain them: they
/// assume the second instruction of their pair follows). The instruction table names each
/// after its pair, `first+second`.
pub(crate) fn is_fused(op: &Op) -> bool {
    op.mnemonic().contains('+')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::{Func, Size, Target};

    #[test]
    fn an_increment_and_its_test_fuse_and_the_test_stays() {
        let code = [
            Op::AddI32 {
                d: Slot(-4),
                a: Slot(-4),
                imm: Imm(1),
            },
            Op::JLtSI32 {
                a: Slot(-4),
                imm: Imm(10),
                t: Target(0),
            },
        ];
        let fast = superinstructions(&code);
        assert_eq!(
            fast[0],
            Op::IncJLtSI32 {
                a: Slot(-4),
                inc: Small(1),
                imm: Imm(10),
                t: Target(0)
            }
        );
        assert_eq!(fast[1], code[1]);
    }

    #[test]
    fn an_addition_of_a_near_slot_fuses_with_a_test_against_a_constant() {
        let add = |b: i32| Op::Add32 {
            d: Slot(-4),
            a: Slot(-4),
            b: Slot(b),
        };
        let test = Op::JLeSI32 {
            a: Slot(-4),
            imm: Imm(100),
            t: Target(0),
        };
        assert_eq!(
            superinstructions(&[add(-8), test])[0],
            Op::AddJLeSI32 {
                a: Slot(-4),
                by: NearSlot(-8),
                imm: Imm(100),
                t: Target(0)
            }
        );
        // A slot too far from the frame pointer for 16 bits stays a plain pair.
        let far = [add(-40_000), test];
        assert_eq!(superinstructions(&far), far);
    }

    #[test]
    fn a_call_fuses_with_the_enter_of_its_callee() {
        let enter = Op::Enter {
            n: Size(32),
            up: Size(24),
        };
        let code = [
            Op::Call { f: Func(2) },
            Op::Call { f: Func(3) },
            enter,
            Op::Ret {},
        ];
        let fast = superinstructions(&code);
        assert_eq!(
            fast[0],
            Op::CallEnter {
                f: Func(2),
                n: Size(32),
                up: Size(24)
            }
        );
        // A call to anything but an `enter` stays as it is, and so does the `enter`.
        assert_eq!(fast[1..], code[1..]);
    }

    #[test]
    fn text_may_not_hold_a_superinstruction() {
        // It would continue two instructions on, which text does not promise exists.
        let mut text = Vec::new();
        Op::IncJLtSI32 {
            a: Slot(-4),
            inc: Small(1),
            imm: Imm(10),
            t: Target(0x1000),
        }
        .encode(&mut text);
        assert!(crate::vm::decode_text(&text, 0x1000).is_err());
    }

    #[test]
    fn other_slots_and_wide_increments_do_not_fuse() {
        // `d = a + imm`, then a test of `tested`.
        let pair = |d: i32, a: i32, imm: i32, tested: i32| {
            [
                Op::AddI32 {
                    d: Slot(d),
                    a: Slot(a),
                    imm: Imm(imm),
                },
                Op::JLtSI32 {
                    a: Slot(tested),
                    imm: Imm(10),
                    t: Target(0),
                },
            ]
        };
        let other = pair(-4, -4, 1, -8);
        let wide = pair(-4, -4, 1 << 20, -4);
        let copy = pair(-8, -4, 1, -8);
        for code in [other, wide, copy] {
            assert_eq!(superinstructions(&code), code);
        }
    }
}
