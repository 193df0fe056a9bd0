//! `segvm ast`: the checked program as an indented tree, with every expression's type
//! and the conversions the checker inserted.

use super::CompileArgs;
use crate::driver::Phase;
use crate::tools::printer;
use clap::Args;

#[derive(Args)]
pub struct AstArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
    /// Also show the runtime's functions and declarations from built-in headers
    #[arg(long)]
    pub all: bool,
}

pub fn ast(a: AstArgs) -> i32 {
    let c = match a.compile.compile(Phase::Check) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let Some(program) = &c.program else { return 1 };
    print!("{}", printer::render(program, &c.sources, a.all));
    0
}
