//! Writes the synthetic JSON Schema of the generation benchmarks to standard output.
//!
//! `cargo run --release -p benchmarks --bin synthetic -- [N] > target/synthetic.json`

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(2000);
    println!("{}", benchmarks::synthetic_schema(n));
}
