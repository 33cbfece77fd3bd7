//! Writes the synthetic JSON Schema of the generation benchmarks to standard output.
//!
//! `cargo run --release -p benchmarks --bin synthetic -- [N] [--without-references] > target/synthetic.json`

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n = args.iter().find_map(|arg| arg.parse().ok()).unwrap_or(2000);
    let schema = if args.iter().any(|arg| arg == "--without-references") {
        benchmarks::synthetic_schema_without_references(n)
    } else {
        benchmarks::synthetic_schema(n)
    };
    println!("{schema}");
}
