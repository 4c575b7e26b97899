#[path = "../benches/support/mod.rs"]
mod support;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    support::fill(std::path::Path::new(&args[1]), args[2].parse().unwrap());
}
