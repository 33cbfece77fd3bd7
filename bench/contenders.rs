//! The decoders that the documents benchmark compares, written once for the criterion bench
//! (`benches/documents.rs`) and the instruction counter (`examples/instructions.rs`).

use vsphere_types::esx::settings::clusters::software::StageStatus;

/// PEER CODE: typify's output, checked in under `bench/peer/`.
#[allow(dead_code, clippy::all)]
#[path = "peer/typify_stage_status.rs"]
mod typify_peer;

/// One way of turning a StageStatus document's text into a value.
#[derive(Clone, Copy)]
pub enum Contender {
    /// `vsphere_types::from_str`: decode and validate.
    Ours,
    /// `serde_json::from_str` on our types: decode only.
    OursDecodeOnly,
    /// `serde_json::from_str` on typify's types for the same schema: decode only.
    Typify,
    /// `serde_json::Value`, then the `jsonschema` crate validating it.
    ValueJsonSchema,
}

impl Contender {
    /// All of them, in the order they are measured.
    pub const ALL: [Contender; 4] = [
        Contender::Ours,
        Contender::OursDecodeOnly,
        Contender::Typify,
        Contender::ValueJsonSchema,
    ];

    /// The name of the benchmark; its first letter names it in the instruction counter.
    pub fn name(self) -> &'static str {
        match self {
            Contender::Ours => "a_from_str",
            Contender::OursDecodeOnly => "b_serde_only",
            Contender::Typify => "c_typify",
            Contender::ValueJsonSchema => "d_value_jsonschema",
        }
    }
}

/// What the contenders need: the `jsonschema` validator, compiled once.
pub struct Decoders {
    validator: jsonschema::Validator,
}

impl Decoders {
    pub fn new() -> Decoders {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("peer/stage_status.schema.json"))
                .expect("the peer schema is JSON");
        let validator = jsonschema::validator_for(&schema).expect("the peer schema compiles");
        Decoders { validator }
    }

    /// Whether `contender` accepts `text`.
    pub fn accepts(&self, contender: Contender, text: &str) -> bool {
        match contender {
            Contender::Ours => vsphere_types::from_str::<StageStatus>(text).is_ok(),
            Contender::OursDecodeOnly => serde_json::from_str::<StageStatus>(text).is_ok(),
            Contender::Typify => {
                serde_json::from_str::<typify_peer::EsxSettingsClustersSoftwareStageStatus>(text)
                    .is_ok()
            }
            Contender::ValueJsonSchema => serde_json::from_str::<serde_json::Value>(text)
                .is_ok_and(|value| self.validator.is_valid(&value)),
        }
    }
}
