//! Code generation and linking: the checked program to an image. Functions become
//! bytecode in text (only what `main` can reach of the runtime), string literals and
//! `const` objects go to rodata, initialized objects to data, the rest to bss.

mod func;
mod stmt;

use crate::bytecode::image::{
    FLASH_BASE, FunctionInfo, LINKER_SYMBOLS, Layout, MemoryModel, PAGE, RAM_BASE, Regions,
    STARTUP, SlotInfo, Symbol as ImageSymbol, SymbolKind,
};
use crate::bytecode::*;
use crate::diagnostics::Diagnostic;
use crate::frontend::typed::{self, FuncId, GlobalKind, Program, Symbol};
use crate::source::Span;
use func::FuncGen;
use std::collections::{BTreeSet, HashMap};

/// Bytes of poisoned memory between objects in `--check` builds.
pub const REDZONE: u64 = 32;

/// The lowest text address: below it is the null guard.
pub const TEXT_START: u64 = PAGE;

/// Stack space the program must have at least, for the check that it fits in memory.
const MIN_STACK: u64 = 64 * 1024;

/// The same in the embedded layout, where RAM is counted in KiB.
const MIN_STACK_EMBEDDED: u64 = 512;

/// What the linked program keeps of the checked one's data.
#[derive(Default)]
struct Live {
    globals: BTreeSet<typed::GlobalId>,
    strings: BTreeSet<typed::StrId>,
}

/// One function's code before placement.
struct Code {
    name: String,
    ops: Vec<Op>,
    spans: Vec<Span>,
    relocs: Vec<(usize, Symbol, i64)>,
    frame_size: u32,
    arg_bytes: u32,
    span: Span,
    runtime: bool,
    slots: Vec<SlotInfo>,
    redzones: Vec<(i32, u32)>,
}

/// The most bytes of parameters and locals one function may have.
const MAX_FRAME: u64 = 1 << 28;

/// Compiles and links a checked program into an image for an address space.
pub fn compile(prog: &Program, model: MemoryModel, check: bool) -> Result<Image, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let library = |id: FuncId| -> Option<Lib> {
        let f = prog.function(id);
        match f.body {
            None => Lib::from_name(&f.name),
            Some(_) => None,
        }
    };
    let Some(main) = prog
        .find_function("main")
        .filter(|&m| prog.function(m).body.is_some())
    else {
        return Err(vec![Diagnostic::bare("undefined reference to 'main'")]);
    };
    let Some(exit) = prog
        .find_function("exit")
        .filter(|&f| prog.function(f).body.is_some())
    else {
        return Err(vec![Diagnostic::bare("the runtime defines no 'exit'")]);
    };
    // The embedded layout runs the startup code first (a program may define its own).
    let startup = match model {
        MemoryModel::Process { .. } => None,
        MemoryModel::Embedded { .. } => match prog
            .find_function(STARTUP)
            .filter(|&f| prog.function(f).body.is_some())
        {
            Some(f) => Some(f),
            None => {
                return Err(vec![Diagnostic::bare(format!(
                    "the runtime defines no '{STARTUP}'"
                ))]);
            }
        },
    };

    // Which functions to emit: the program's own, and the runtime functions they reach.
    let mut order: Vec<FuncId> = (0..prog.functions.len() as u32)
        .map(FuncId)
        .filter(|&f| prog.function(f).body.is_some() && !prog.function(f).runtime)
        .collect();
    if !order.contains(&exit) {
        order.push(exit);
    }
    if let Some(f) = startup
        && !order.contains(&f)
    {
        order.push(f);
    }
    let mut emitted: BTreeSet<FuncId> = order.iter().copied().collect();
    let mut stubs: Vec<FuncId> = Vec::new();
    let mut data_refs: BTreeSet<FuncId> = BTreeSet::new();
    for g in &prog.globals {
        for r in g.init.iter().flat_map(|i| &i.relocs) {
            if let Symbol::Func(f) = r.target {
                data_refs.insert(f);
            }
        }
    }
    let mut codes: HashMap<FuncId, Code> = HashMap::new();
    let mut pending: Vec<FuncId> = order.clone();
    let mut referenced: BTreeSet<FuncId> = data_refs.clone();
    loop {
        while let Some(id) = pending.pop() {
            let code = gen_function(prog, id, &library, check);
            for (_, sym, _) in &code.relocs {
                if let Symbol::Func(f) = sym {
                    referenced.insert(*f);
                }
            }
            codes.insert(id, code);
            // Calls were collected by the generator.
        }
        let mut more = false;
        let refs: Vec<FuncId> = codes
            .values()
            .flat_map(|c| {
                c.ops.iter().filter_map(|op| match op {
                    Op::Call { f } => Some(FuncId(f.0)),
                    _ => None,
                })
            })
            .chain(referenced.iter().copied())
            .collect();
        for f in refs {
            if emitted.contains(&f) {
                continue;
            }
            let func = prog.function(f);
            if func.body.is_some() {
                emitted.insert(f);
                order.push(f);
                pending.push(f);
                more = true;
            } else if library(f).is_some() {
                emitted.insert(f);
                stubs.push(f);
            } else {
                emitted.insert(f);
                errors.push(Diagnostic::error(
                    func.span,
                    format!("undefined reference to '{}'", func.name),
                ));
            }
        }
        if !more {
            break;
        }
    }
    // The objects and strings the program reaches: all of the program's own objects, and
    // what its code and their initializers refer to, transitively.
    let mut live = Live::default();
    let mut work: Vec<Symbol> = codes
        .values()
        .flat_map(|c| c.relocs.iter().map(|r| r.1))
        .collect();
    for (i, g) in prog.globals.iter().enumerate() {
        if !live.globals.contains(&typed::GlobalId(i as u32)) {
            continue;
        }
        if !g.runtime && g.defined {
            work.push(Symbol::Global(typed::GlobalId(i as u32)));
        }
    }
    while let Some(sym) = work.pop() {
        match sym {
            Symbol::Global(g) => {
                if live.globals.insert(g) {
                    work.extend(
                        prog.global(g)
                            .init
                            .iter()
                            .flat_map(|i| i.relocs.iter().map(|r| r.target)),
                    );
                }
            }
            Symbol::Str(s) => {
                live.strings.insert(s);
            }
            Symbol::Func(_) => {}
        }
    }
    for &g in &live.globals {
        let glob = prog.global(g);
        if !glob.defined && !LINKER_SYMBOLS.contains(&&*glob.name) {
            errors.push(Diagnostic::error(
                glob.span,
                format!("undefined reference to '{}'", glob.name),
            ));
        }
    }
    // Frame offsets are 32-bit (and outgoing slots are marked above 1 GiB): a function
    // whose locals are larger than any stack could hold is rejected here, not at load.
    for id in codes.keys() {
        let f = prog.function(*id);
        let Some(body) = &f.body else { continue };
        let bytes = body.locals.iter().fold(0u64, |sum, l| {
            sum.saturating_add(prog.types.size_of(&l.ty).unwrap_or(0))
        });
        if bytes > MAX_FRAME {
            errors.push(Diagnostic::error(
                f.span,
                format!(
                    "the local variables of '{}' take {bytes} bytes, more than a stack frame may hold ({MAX_FRAME} bytes)",
                    f.name
                ),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    // Text: _start, the functions, then stubs for library functions whose address is taken.
    let mut texts: Vec<(Option<FuncId>, Code)> = Vec::new();
    texts.push((None, start_code(main, exit, startup)));
    for &f in &order {
        if let Some(c) = codes.remove(&f) {
            texts.push((Some(f), c));
        }
    }
    for &f in &stubs {
        let lib = library(f).expect("stubs are library functions");
        let name = prog.function(f).name.to_string();
        texts.push((
            Some(f),
            Code {
                name,
                ops: vec![
                    Op::Enter {
                        n: Size(0),
                        up: Size(24),
                    },
                    Op::TailB {
                        b: Builtin(lib.id()),
                    },
                ],
                spans: vec![Span::default(); 2],
                relocs: Vec::new(),
                frame_size: 0,
                arg_bytes: 0,
                span: prog.function(f).span,
                runtime: true,
                slots: Vec::new(),
                redzones: Vec::new(),
            },
        ));
    }

    // Instruction addresses.
    let mut addrs: Vec<Vec<u64>> = Vec::with_capacity(texts.len());
    let text_start = match model {
        MemoryModel::Process { .. } => TEXT_START,
        MemoryModel::Embedded { .. } => FLASH_BASE,
    };
    let embedded = startup.is_some();
    let mut pc = text_start;
    let mut entry_of: HashMap<FuncId, u64> = HashMap::new();
    for (id, code) in &texts {
        if let Some(id) = id {
            entry_of.insert(*id, pc);
        }
        let mut a = Vec::with_capacity(code.ops.len() + 1);
        for op in &code.ops {
            a.push(pc);
            pc += op.encoded_len() as u64;
        }
        a.push(pc);
        addrs.push(a);
    }
    let text_end = pc;

    // Data segments.
    let types = &prog.types;
    let mut sym_addr: HashMap<Symbol, u64> = HashMap::new();
    let mut symbols: Vec<ImageSymbol> = Vec::new();
    // A process's segments start on pages; FLASH and RAM are too small to waste them.
    let seg_align = if embedded { 16 } else { PAGE };
    let rodata_start = text_end.next_multiple_of(seg_align);
    let mut rodata: Vec<u8> = Vec::new();
    for (i, s) in prog.strings.iter().enumerate() {
        if !live.strings.contains(&typed::StrId(i as u32)) {
            continue;
        }
        let addr = rodata_start + rodata.len() as u64;
        sym_addr.insert(Symbol::Str(typed::StrId(i as u32)), addr);
        symbols.push(ImageSymbol {
            name: format!("\"{}\"", escape(&s[..s.len() - 1])),
            kind: SymbolKind::StringLiteral,
            addr,
            size: s.len() as u64,
            segment: Segment::Rodata,
        });
        rodata.extend_from_slice(s);
    }
    let mut data: Vec<u8> = Vec::new();
    let mut bss_objects = Vec::new();
    // With --check, arrays and structs get a red zone after them.
    let mut redzones: Vec<(u64, u64)> = Vec::new();
    let zone = |g: &typed::Global| {
        if check && (g.ty.is_array() || g.ty.is_record()) {
            REDZONE
        } else {
            0
        }
    };
    let mut place = |buf: &mut Vec<u8>, base: u64, size: u64, align: u64, zone: u64| -> u64 {
        let off = (buf.len() as u64).next_multiple_of(align);
        buf.resize((off + size + zone) as usize, 0);
        if zone > 0 {
            redzones.push((base + off + size, zone));
        }
        base + off
    };
    let align_of = |g: &typed::Global| {
        let a = types.align_of(&g.ty).max(1);
        let size = types.size_of(&g.ty).unwrap_or(0);
        if g.ty.is_array() && size >= 16 {
            a.max(16)
        } else {
            a
        }
    };
    let is_zero = |g: &typed::Global| {
        g.init
            .as_ref()
            .is_none_or(|i| i.relocs.is_empty() && i.bytes.iter().all(|&b| b == 0))
    };
    for (i, g) in prog.globals.iter().enumerate() {
        if !live.globals.contains(&typed::GlobalId(i as u32)) {
            continue;
        }
        if !g.defined || !g.readonly {
            continue;
        }
        let size = types.size_of(&g.ty).unwrap_or(0);
        let addr = place(&mut rodata, rodata_start, size, align_of(g), zone(g));
        sym_addr.insert(Symbol::Global(typed::GlobalId(i as u32)), addr);
    }
    let rodata_end = rodata_start + rodata.len() as u64;
    let data_start = if embedded {
        RAM_BASE
    } else {
        rodata_end
            .next_multiple_of(PAGE)
            .max(rodata_start + PAGE * (rodata.is_empty() as u64))
    };
    for (i, g) in prog.globals.iter().enumerate() {
        if !live.globals.contains(&typed::GlobalId(i as u32)) {
            continue;
        }
        if !g.defined || g.readonly {
            continue;
        }
        if is_zero(g) {
            bss_objects.push(i);
            continue;
        }
        let size = types.size_of(&g.ty).unwrap_or(0);
        let addr = place(&mut data, data_start, size, align_of(g), zone(g));
        sym_addr.insert(Symbol::Global(typed::GlobalId(i as u32)), addr);
    }
    if embedded {
        // The startup code copies .data and zeroes .bss a word (4 bytes) at a time.
        data.resize(data.len().next_multiple_of(4), 0);
    }
    let data_end = data_start + data.len() as u64;
    let bss_start = data_end.next_multiple_of(16);
    let mut bss_size = 0u64;
    for &i in &bss_objects {
        let g = &prog.globals[i];
        let size = types.size_of(&g.ty).unwrap_or(0);
        let off = bss_size.next_multiple_of(align_of(g));
        bss_size = off + size + zone(g);
        if zone(g) > 0 {
            redzones.push((bss_start + off + size, zone(g)));
        }
        sym_addr.insert(Symbol::Global(typed::GlobalId(i as u32)), bss_start + off);
    }
    if embedded {
        bss_size = bss_size.next_multiple_of(4);
    }
    let bss_end = bss_start + bss_size;
    let heap_start = bss_end.next_multiple_of(seg_align);
    for (f, addr) in &entry_of {
        sym_addr.insert(Symbol::Func(*f), *addr);
    }
    let (mem_size, data_load, regions) = match model {
        MemoryModel::Process { mem_size } => {
            if heap_start + MIN_STACK > mem_size || heap_start > u32::MAX as u64 {
                return Err(vec![Diagnostic::bare(format!(
                    "the program needs {heap_start} bytes before its heap, more than --mem {mem_size} leaves room for (with {MIN_STACK} bytes of stack)"
                ))]);
            }
            (mem_size, data_start, None)
        }
        MemoryModel::Embedded {
            flash_size,
            ram_size,
        } => {
            // FLASH holds text, rodata and the initial bytes of .data after them.
            let data_load = rodata_end.next_multiple_of(16);
            let flash_used = data_load + data.len() as u64 - FLASH_BASE;
            let mut errors = Vec::new();
            if flash_used > flash_size {
                errors.push(Diagnostic::bare(format!(
                    "region FLASH overflowed by {} bytes: text, rodata and the .data image need {flash_used} bytes, --flash gives {flash_size}",
                    flash_used - flash_size
                )));
            }
            let ram_needed = heap_start - RAM_BASE + MIN_STACK_EMBEDDED;
            if ram_needed > ram_size {
                errors.push(Diagnostic::bare(format!(
                    "region RAM overflowed by {} bytes: .data and .bss need {} bytes and the stack at least {MIN_STACK_EMBEDDED}, --ram gives {ram_size}",
                    ram_needed - ram_size,
                    bss_end - RAM_BASE
                )));
            }
            if !errors.is_empty() {
                return Err(errors);
            }
            let regions = Regions {
                flash: FLASH_BASE..FLASH_BASE + flash_size,
                ram: RAM_BASE..RAM_BASE + ram_size,
            };
            (RAM_BASE + ram_size, data_load, Some(regions))
        }
    };
    let layout = Layout {
        text: text_start..text_end,
        rodata: rodata_start..rodata_end,
        data: data_start..data_end,
        bss: bss_start..bss_end,
        heap_start,
        mem_size,
        data_load,
        regions,
    };
    // Names the linker defines stand for places in the layout.
    for &g in &live.globals {
        if let Some(addr) = layout.linker_symbol(&prog.global(g).name)
            && !prog.global(g).defined
        {
            sym_addr.insert(Symbol::Global(g), addr);
        }
    }

    // Initial bytes of every object, with addresses patched in.
    let ptr = types.target.ptr_size as usize;
    for (i, g) in prog.globals.iter().enumerate() {
        if !live.globals.contains(&typed::GlobalId(i as u32)) {
            continue;
        }
        let Some(&addr) = sym_addr.get(&Symbol::Global(typed::GlobalId(i as u32))) else {
            continue;
        };
        let Some(init) = &g.init else { continue };
        let (buf, base) = if g.readonly {
            (&mut rodata, rodata_start)
        } else if is_zero(g) {
            continue;
        } else {
            (&mut data, data_start)
        };
        let off = (addr - base) as usize;
        buf[off..off + init.bytes.len()].copy_from_slice(&init.bytes);
        for r in &init.relocs {
            let target = sym_addr.get(&r.target).copied().unwrap_or(0);
            let value = (target as i64).wrapping_add(r.addend) as u64;
            let at = off + r.offset as usize;
            buf[at..at + ptr].copy_from_slice(&value.to_le_bytes()[..ptr]);
        }
    }
    for (i, g) in prog.globals.iter().enumerate() {
        // Linker-defined names are no objects.
        if !live.globals.contains(&typed::GlobalId(i as u32)) || !g.defined {
            continue;
        }
        let Some(&addr) = sym_addr.get(&Symbol::Global(typed::GlobalId(i as u32))) else {
            continue;
        };
        let kind = match &g.kind {
            GlobalKind::File => SymbolKind::Global,
            GlobalKind::StaticLocal(f) => SymbolKind::Static(f.to_string()),
            GlobalKind::Literal => SymbolKind::CompoundLiteral,
        };
        let segment = if g.readonly {
            Segment::Rodata
        } else if addr >= bss_start && addr < bss_end.max(bss_start + 1) && is_zero(g) {
            Segment::Bss
        } else {
            Segment::Data
        };
        symbols.push(ImageSymbol {
            name: g.name.to_string(),
            kind,
            addr,
            size: types.size_of(&g.ty).unwrap_or(0),
            segment,
        });
    }

    // Patch addresses into the code and encode it.
    let mut text = Vec::with_capacity((text_end - text_start) as usize);
    let mut lines = Vec::new();
    let mut functions = Vec::new();
    for ((id, code), addr) in texts.iter_mut().zip(&addrs) {
        for &(at, sym, addend) in &code.relocs {
            let target = sym_addr.get(&sym).copied().unwrap_or(0);
            let value = (target as i64).wrapping_add(addend) as u32;
            struct SetAddr(u32);
            impl Visitor for SetAddr {
                fn addr(&mut self, a: &mut Addr) {
                    a.0 = self.0;
                }
            }
            code.ops[at].visit(&mut SetAddr(value));
        }
        struct Place<'a> {
            local: &'a [u64],
            entries: &'a HashMap<FuncId, u64>,
        }
        impl Visitor for Place<'_> {
            fn target(&mut self, t: &mut Target) {
                t.0 = self.local.get(t.0 as usize).copied().unwrap_or(0) as u32;
            }
            fn func(&mut self, f: &mut Func) {
                f.0 = self.entries.get(&FuncId(f.0)).copied().unwrap_or(0) as u32;
            }
        }
        let mut placer = Place {
            local: addr,
            entries: &entry_of,
        };
        for (i, op) in code.ops.iter_mut().enumerate() {
            op.visit(&mut placer);
            op.encode(&mut text);
            lines.push((addr[i], code.spans[i]));
        }
        let start = addr[0];
        let end = *addr.last().unwrap_or(&start);
        if id.is_some() || code.name == "_start" {
            symbols.push(ImageSymbol {
                name: code.name.clone(),
                kind: SymbolKind::Function,
                addr: start,
                size: end - start,
                segment: Segment::Text,
            });
        }
        functions.push(FunctionInfo {
            name: code.name.clone(),
            addr: start,
            end,
            frame_size: code.frame_size,
            arg_bytes: code.arg_bytes,
            span: code.span,
            runtime: code.runtime,
            slots: std::mem::take(&mut code.slots),
            redzones: std::mem::take(&mut code.redzones),
        });
    }
    symbols.sort_by_key(|s| s.addr);
    Ok(Image {
        layout,
        text,
        rodata,
        data,
        entry: text_start,
        functions,
        symbols,
        lines,
        redzones,
    })
}

/// `_start`: the loader leaves argc and argv in its outgoing area; it calls `main`, whose
/// result lands where `exit` takes its argument, and calls `exit`. In the embedded layout
/// it first calls the startup code, which takes no arguments and leaves that area alone.
fn start_code(main: FuncId, exit: FuncId, startup: Option<FuncId>) -> Code {
    let mut ops = vec![Op::Enter {
        n: Size(16),
        up: Size(16),
    }];
    if let Some(f) = startup {
        ops.push(Op::Call { f: Func(f.0) });
    }
    ops.extend([
        Op::Call { f: Func(main.0) },
        Op::Call { f: Func(exit.0) },
        Op::Exit { a: Slot(-16) },
    ]);
    Code {
        name: "_start".into(),
        spans: vec![Span::default(); ops.len()],
        ops,
        relocs: Vec::new(),
        frame_size: 16,
        arg_bytes: 0,
        span: Span::default(),
        runtime: true,
        slots: Vec::new(),
        redzones: Vec::new(),
    }
}

fn gen_function(
    prog: &Program,
    id: FuncId,
    library: &dyn Fn(FuncId) -> Option<Lib>,
    check: bool,
) -> Code {
    let f = prog.function(id);
    let body = f
        .body
        .as_ref()
        .expect("only defined functions are generated");
    let mut g = FuncGen::new(prog, body, &f.ty.ret, library, check);
    g.span = f.span;
    g.c_labels = (0..body.labels).map(|_| g.new_label()).collect();
    g.emit(Op::Enter {
        n: Size(0),
        up: Size(0),
    });
    g.stmt(&body.stmt);
    // Falling off the end: `main` returns 0 (C99 5.1.2.2.3), others return.
    g.span = body.end;
    let ends_in_return = matches!(
        g.ops.last(),
        Some(Op::Ret {} | Op::Ret32 { .. } | Op::Ret64 { .. })
    ) && !g.label_at_end();
    if ends_in_return {
        // Nothing falls off the end.
    } else if &*f.name == "main" {
        let z = g.const_int(func::Dst::Any, 0, false);
        g.emit(Op::Ret32 { a: z });
    } else {
        g.emit(Op::Ret {});
    }
    let frame_size = g.finish();
    let slots = body
        .locals
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.name.is_empty())
        .map(|(i, l)| SlotInfo {
            name: l.name.to_string(),
            offset: g.local_slot(typed::LocalId(i as u32)).0,
            size: prog.types.size_of(&l.ty).unwrap_or(0) as u32,
            ty: prog.types.display(&l.ty),
            is_param: body.params.contains(&typed::LocalId(i as u32)),
            span: l.span,
        })
        .collect();
    Code {
        name: f.name.to_string(),
        ops: std::mem::take(&mut g.ops),
        spans: std::mem::take(&mut g.spans),
        relocs: std::mem::take(&mut g.relocs),
        frame_size,
        arg_bytes: g.arg_bytes,
        span: f.span,
        runtime: f.runtime,
        slots,
        redzones: std::mem::take(&mut g.redzones),
    }
}

/// A string literal as C would spell it, for symbol tables.
pub fn escape(bytes: &[u8]) -> String {
    let mut s = String::new();
    for &b in bytes {
        match b {
            b'\n' => s.push_str("\\n"),
            b'\t' => s.push_str("\\t"),
            b'\\' => s.push_str("\\\\"),
            b'"' => s.push_str("\\\""),
            0x20..=0x7e => s.push(b as char),
            _ => s.push_str(&format!("\\x{b:02x}")),
        }
    }
    s
}
