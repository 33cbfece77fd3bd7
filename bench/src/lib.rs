//! Inputs for the benchmarks: StageStatus documents of two sizes, and a synthetic JSON Schema.

use serde_json::{Value, json};

/// A typical StageStatus (about 1.5 KB): running, with progress and one notification of each kind.
pub fn typical_document() -> String {
    document(1)
}

/// A large StageStatus (about 600 KB): hundreds of notifications of each kind.
pub fn large_document() -> String {
    document(450)
}

fn notification(kind: &str, i: usize) -> Value {
    json!({
        "type": kind,
        "id": format!("com.vmware.vcIntegrity.lifecycle.Task.{kind}.{i}"),
        "time": format!("2024-05-01T12:{:02}:{:02}.{:03}Z", (i / 60) % 60, i % 60, i % 1000),
        "message": {
            "id": format!("com.vmware.vcIntegrity.lifecycle.Task.{kind}.{i}"),
            "default_message": format!("Host esx-{i:03}.example.com reported {kind} number {i}."),
            "args": [format!("esx-{i:03}.example.com"), i.to_string()],
            "params": {
                "host": { "s": format!("esx-{i:03}.example.com") },
                "count": { "i": i },
                "when": { "dt": "2024-05-01T12:00:00.000Z", "format": "SHORT_DATE_TIME" }
            }
        },
        "originator": "vlcm",
        "retriable": i % 2 == 0
    })
}

fn document(per_kind: usize) -> String {
    let list = |kind: &str| {
        (0..per_kind)
            .map(|i| notification(kind, i))
            .collect::<Vec<_>>()
    };
    json!({
        "status": "RUNNING",
        "progress": {
            "total": 12,
            "completed": 5,
            "message": {
                "id": "com.vmware.vcIntegrity.lifecycle.StageTask.Progress",
                "default_message": "Staged 5 of 12 hosts.",
                "args": [],
                "params": { "done": { "i": 5 }, "ratio": { "d": 0.4166, "precision": 2 } }
            }
        },
        "start_time": "2024-05-01T12:00:00.000Z",
        "end_time": "2024-05-01T12:41:07.019Z",
        "notifications": { "info": list("INFO"), "warnings": list("WARNING"), "errors": list("ERROR") }
    })
    .to_string()
}

/// A synthetic JSON Schema with `n` object definitions, for the generation benchmarks.
///
/// Every object has strings (one with `maxLength`), an int64 with a minimum, a double, a
/// date-time, an inline enum, an array of strings, an array of references to another object, and
/// (from the second on) a `parent` reference to the object before it: a by-value back-reference,
/// which chains all objects together. Deterministic.
pub fn synthetic_schema(n: usize) -> String {
    synthetic(n, true)
}

/// [`synthetic_schema`] without `related` and `parent`: objects that do not refer to each other,
/// the shape on which typify's crate builds.
pub fn synthetic_schema_without_references(n: usize) -> String {
    synthetic(n, false)
}

fn synthetic(n: usize, references: bool) -> String {
    let definitions: serde_json::Map<String, Value> = (0..n)
        .map(|i| {
            let mut properties = json!({
                "id": { "type": "string", "description": format!("Identifier of object {i}.") },
                "name": { "type": "string", "maxLength": 80 },
                "created": { "type": "string", "format": "date-time" },
                "size": { "type": "integer", "format": "int64", "minimum": 0 },
                "ratio": { "type": "number", "format": "double" },
                "kind": { "type": "string", "enum": ["SMALL", "MEDIUM", "LARGE", format!("SPECIAL_{}", i % 7)] },
                "tags": { "type": "array", "items": { "type": "string" } },
                "related": { "type": "array", "items": { "$ref": format!("#/$defs/Object{:04}", (i * 7 + 3) % n) } }
            });
            if !references {
                properties.as_object_mut().map(|p| p.remove("related"));
            } else if i > 0 {
                properties["parent"] = json!({ "$ref": format!("#/$defs/Object{:04}", i - 1) });
            }
            let definition = json!({
                "type": "object",
                "description": format!("Synthetic object number {i}."),
                "required": ["id", "created", "kind"],
                "properties": properties
            });
            (format!("Object{i:04}"), definition)
        })
        .collect();
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Synthetic",
        "$defs": definitions
    });
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
