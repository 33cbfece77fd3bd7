//! Generation end to end, from spec file to formatted text, for the StageStatus excerpt, the whole
//! vSphere 7.0.3 `vcenter.json` (1,142 schemas) and a synthetic schema of 2,000 objects.
//!
//! `cargo bench -p benchmarks --bench generation`

use std::path::{Path, PathBuf};

use codegen::{Config, Target, generate};
use criterion::{Criterion, criterion_group, criterion_main};

/// The allocator `cargo xtask codegen` uses, so that these figures are the command's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn generation(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let synthetic = Path::new(env!("CARGO_TARGET_TMPDIR")).join("synthetic.json");
    std::fs::write(&synthetic, benchmarks::synthetic_schema(2000)).expect("writes the schema");
    let specs = [
        (
            "excerpt",
            root.join("specs/vsphere-automation-9.1.0.0-stage-status.yaml"),
        ),
        ("vcenter", root.join("codegen/tests/real/vcenter.json")),
        ("synthetic_2000", synthetic),
    ];
    let mut group = c.benchmark_group("generate");
    group.sample_size(10);
    for (name, spec) in specs {
        let config = Config {
            base_dir: PathBuf::new(),
            specs: vec![spec],
            roots: Vec::new(),
            target: Target::Crate {
                name: "bench".to_owned(),
                runtime: None,
                workspace_member: false,
            },
            customize: Default::default(),
            uri_folders: Vec::new(),
            default_schema: None,
            format_assertion: None,
            vapi: false,
            keep_unknown_properties: true,
        };
        group.bench_function(name, |b| b.iter(|| generate(&config).expect("generates")));
    }
    group.finish();
}

criterion_group!(benches, generation);
criterion_main!(benches);
