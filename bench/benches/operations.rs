//! Reading a response through its operation against decoding its body alone: what the
//! operation adds (matching the status, checking the media type, taking the response apart)
//! to `from_slice` of the same body.
//!
//! The body is a task's state (`Cis.Task.Info`, the answer of `GET /cis/tasks/{task}` that a
//! client polls), carrying the typical StageStatus document as its result:
//!
//! - `a_operation`: `parse_response::<ops::cis::tasks::Get>` of the `http::Response`;
//! - `b_from_slice`: `vsphere_types::from_slice::<Info>` of its body (decode and validate).
//!
//! `cargo bench -p benchmarks --bench operations`

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use vsphere_types::cis::task::Info;
use vsphere_types::ops::cis::tasks::{Get, GetResponse};

fn task_state() -> Vec<u8> {
    let result: serde_json::Value =
        serde_json::from_str(&benchmarks::typical_document()).expect("a document");
    serde_json::json!({
        "status": "RUNNING",
        "cancelable": false,
        "service": "com.vmware.esx.settings.clusters.software",
        "operation": "stage$task",
        "description": { "id": "com.vmware.esx.settings.stage", "default_message": "Staging", "args": [] },
        "progress": { "total": 12, "completed": 5, "message": { "id": "p", "default_message": "5 of 12 hosts", "args": [] } },
        "start_time": "2026-12-07T10:00:00.000Z",
        "user": "administrator@vsphere.local",
        "result": result
    })
    .to_string()
    .into_bytes()
}

fn responses(c: &mut Criterion) {
    let body = task_state();
    let response = || {
        specgen_runtime::http::Response::builder()
            .status(200)
            .header("content-type", "application/json")
            .body(body.clone())
            .expect("a response")
    };
    let decoded =
        specgen_runtime::http::parse_response::<Get>(response(), vsphere_types::Mode::Strict);
    assert!(matches!(decoded, Ok(GetResponse::Ok(_))), "{decoded:?}");
    let mut group = c.benchmark_group("task_state");
    group.bench_function("a_operation", |b| {
        b.iter_batched(
            response,
            |response| {
                black_box(specgen_runtime::http::parse_response::<Get>(
                    response,
                    vsphere_types::Mode::Strict,
                ))
            },
            BatchSize::SmallInput,
        )
    });
    group.bench_function("b_from_slice", |b| {
        b.iter_batched(
            || body.clone(),
            |body| black_box(vsphere_types::from_slice::<Info>(&body)),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, responses);
criterion_main!(benches);
