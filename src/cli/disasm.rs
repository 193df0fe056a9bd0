//! `segvm disasm`: the text segment, instruction by instruction, with source lines.

use super::CompileArgs;
use crate::bytecode::disasm;
use crate::driver::Phase;
use clap::Args;

#[derive(Args)]
pub struct DisasmArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
    /// Also show the runtime's functions
    #[arg(long)]
    pub all: bool,
}

pub fn disasm(a: DisasmArgs) -> i32 {
    let c = match a.compile.compile(Phase::Link) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let Some(image) = &c.image else { return 1 };
    print!("{}", disasm::render(image, Some(&c.sources), a.all));
    0
}
