//! Decodes a StageStatus document with one contender, for instruction counts: a shared machine
//! disturbs wall time, not the number of instructions.
//!
//! ```sh
//! cargo build --release -p benchmarks --example instructions
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/instructions a large 10   # a|b|c|d|none, typical|large, times
//! ```
//! Subtract the count of `none` (building the document) from the others.

#[path = "../contenders.rs"]
mod contenders;

use contenders::{Contender, Decoders};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map_or("", String::as_str);
    let document = match arg(1) {
        "typical" => benchmarks::typical_document(),
        _ => benchmarks::large_document(),
    };
    let times: usize = arg(2).parse().unwrap_or(1);
    let decoders = Decoders::new();
    // `none` (or anything else) only builds the document and the validator.
    let contender = Contender::ALL
        .into_iter()
        .find(|contender| contender.name().starts_with(arg(0)) && !arg(0).is_empty());
    for _ in 0..times {
        let text = std::hint::black_box(document.as_str());
        if let Some(contender) = contender {
            assert!(
                decoders.accepts(contender, text),
                "every contender accepts the document"
            );
        }
    }
}
