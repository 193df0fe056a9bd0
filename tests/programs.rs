//! One snapshot per example program: what a user sees when running it (stdout, stderr
//! and exit status).

mod common;
use common::*;

#[test]
fn example_programs() {
    let files = c_files("programs");
    assert!(files.len() >= 15);
    for file in files {
        let path = file.to_string_lossy().into_owned();
        let out = segvm(&["run", &path], stdin_for(&file).as_deref());
        let name = file
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        insta::assert_snapshot!(
            format!("program_{name}"),
            out.render(&format!("segvm run {path}"))
        );
    }
}
