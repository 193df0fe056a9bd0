//! Runtime faults: one snapshot per program in `tests/c/faults`, showing the message a
//! user gets (kind, address, segment, source line, backtrace) and the exit status. A
//! program may ask for options (`/* options: --max-output 4K */`).

mod common;
use common::*;

#[test]
fn fault_reports() {
    let files = c_files("tests/c/faults");
    assert!(!files.is_empty());
    for file in files {
        let path = file.to_string_lossy().into_owned();
        let options = options_of(&file);
        let mut args: Vec<&str> = vec!["run"];
        args.extend(options.iter().map(String::as_str));
        args.push(&path);
        let out = segvm(&args, None);
        let name = file
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        insta::assert_snapshot!(
            format!("fault_{name}"),
            out.render(&format!("segvm {}", args.join(" ")))
        );
    }
}
