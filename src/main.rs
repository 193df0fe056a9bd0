fn main() {
    println!("segvm");
}
