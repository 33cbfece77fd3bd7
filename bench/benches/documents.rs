//! Decoding (and validating) StageStatus documents from their text, ours against the peers, in one
//! criterion group per size so that the ratios come from one run:
//!
//! - `a_from_str`: `vsphere_types::from_str` (decode and validate);
//! - `b_serde_only`: `serde_json::from_str::<StageStatus>` on our types (no validation);
//! - `c_typify`: `serde_json::from_str` on typify's types for the same schema (no validation);
//! - `d_value_jsonschema`: `serde_json::Value`, then the `jsonschema` crate validating it;
//! - `e_validate_only`: `validate()` on an already decoded value.
//!
//! `cargo bench -p benchmarks --bench documents`

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use vsphere_types::Validate;
use vsphere_types::esx::settings::clusters::software::StageStatus;

#[path = "../contenders.rs"]
mod contenders;

use contenders::{Contender, Decoders};

fn documents(c: &mut Criterion) {
    let decoders = Decoders::new();
    for (size, text) in [
        ("typical", benchmarks::typical_document()),
        ("large", benchmarks::large_document()),
    ] {
        let text = text.as_str();
        // Every contender accepts the document, so each measures a success path.
        for contender in Contender::ALL {
            assert!(
                decoders.accepts(contender, text),
                "{} accepts it",
                contender.name()
            );
        }
        let decoded: StageStatus = serde_json::from_str(text).expect("decodes");
        // On the VM these figures come from, whichever contender was measured first came out
        // slower than the same code measured later (a/b 1.25 over six runs with (a) first, 0.89
        // over three with (b) first). A second of every contender in turn, before any is
        // measured, leaves none of them first.
        let start = std::time::Instant::now();
        while start.elapsed() < std::time::Duration::from_secs(1) {
            for contender in Contender::ALL {
                black_box(decoders.accepts(contender, black_box(text)));
            }
        }

        let mut group = c.benchmark_group(format!("stage_status/{size}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        for contender in Contender::ALL {
            group.bench_function(BenchmarkId::new(contender.name(), text.len()), |b| {
                b.iter(|| decoders.accepts(contender, black_box(text)))
            });
        }
        group.bench_function(BenchmarkId::new("e_validate_only", text.len()), |b| {
            b.iter(|| black_box(&decoded).validate())
        });
        group.finish();
    }
}

criterion_group!(benches, documents);
criterion_main!(benches);
