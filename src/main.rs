fn main() {
    std::process::exit(segvm::cli::main());
}
