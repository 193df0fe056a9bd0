fn main() {
    std::process::exit(segvm::cli::guarded(segvm::cli::main));
}
