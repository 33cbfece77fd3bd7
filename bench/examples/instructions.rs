//! Decodes a StageStatus document with one contender, for instruction counts: a shared machine
//! disturbs wall time, not the number of instructions.
//!
//! ```sh
//! cargo build --release -p benchmarks --example instructions
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/instructions a large 10   # a|b|c|d|none, typical|large, times
//! ```
//! Subtract the count of `none` (building the document) from the others.

use vsphere_types::esx::settings::clusters::software::StageStatus;

/// PEER CODE: typify's output, checked in under `bench/peer/`.
#[allow(dead_code, clippy::all)]
#[path = "../peer/typify_stage_status.rs"]
mod typify_peer;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map_or("", String::as_str);
    let document = match arg(1) {
        "typical" => benchmarks::typical_document(),
        _ => benchmarks::large_document(),
    };
    let times: usize = arg(2).parse().unwrap_or(1);
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../peer/stage_status.schema.json"))
            .expect("the peer schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the peer schema compiles");
    for _ in 0..times {
        let text = std::hint::black_box(document.as_str());
        let accepted = match arg(0) {
            "a" => vsphere_types::from_str::<StageStatus>(text).is_ok(),
            "b" => serde_json::from_str::<StageStatus>(text).is_ok(),
            "c" => {
                serde_json::from_str::<typify_peer::EsxSettingsClustersSoftwareStageStatus>(text)
                    .is_ok()
            }
            "d" => serde_json::from_str::<serde_json::Value>(text)
                .is_ok_and(|value| validator.is_valid(&value)),
            _ => true,
        };
        assert!(accepted, "every contender accepts the document");
    }
}
