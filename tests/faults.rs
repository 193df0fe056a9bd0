//! Runtime faults: one snapshot per program in `tests/c/faults`, showing the message a
//! user gets (kind, address, segment, source line, backtrace) and the exit status.

mod common;
use common::*;

#[test]
fn fault_reports() {
    let files = c_files("tests/c/faults");
    assert!(!files.is_empty());
    for file in files {
        let path = file.to_string_lossy().into_owned();
        let out = segvm(&["run", &path], None);
        let name = file
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        insta::assert_snapshot!(
            format!("fault_{name}"),
            out.render(&format!("segvm run {path}"))
        );
    }
}
