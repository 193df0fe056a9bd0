fn main() {
    // Only the grammar feeds the build script; without this, any file written in the
    // package (snapshots, traces) would make cargo rebuild the crate.
    println!("cargo:rerun-if-changed=grammar");
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .process()
        .expect("the C grammar must build without conflicts");
}
