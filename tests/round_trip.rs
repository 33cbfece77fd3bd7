//! The documented example of `Esx.Settings.Clusters.Software.StageStatus` against the generated types.
//!
//! The reference page's "JSON Example" is a template of placeholders ("string", "X Object"), not
//! an instance. Filled with concrete values of the documented types it must round-trip exactly;
//! taken literally it must fail where a placeholder cannot be a value, and say where.

use integration_tests::reference_example;
use serde_json::{Value, json};
use vsphere_types::esx::settings::clusters::software::{StageStatus, stage_status};
use vsphere_types::esx::settings::notification;

const PAGE: &str = "Esx.Settings.Clusters.Software.StageStatus";

/// A concrete value for a placeholder, chosen by the key it sits under and the type it names.
fn concrete(key: &str, placeholder: &str) -> Value {
    let message = |id: &str| {
        json!({
            "id": id,
            "default_message": "Staging 3 of 5 hosts",
            "args": ["3", "5"],
            "params": {
                "when": { "dt": "2024-05-01T12:00:00.250Z", "format": "SHORT_DATE_TIME" },
                "hosts": {
                    "l": {
                        "id": "com.vmware.esx.settings.hosts",
                        "params": { "count": { "i": 5 }, "ratio": { "d": 0.6, "precision": 2 } }
                    }
                },
                "cluster": { "s": "domain-c8" }
            },
            "localized": "Staging 3 of 5 hosts"
        })
    };
    match (key, placeholder) {
        ("status", "string") => json!("RUNNING"),
        ("type", "string") => json!("WARNING"),
        ("start_time" | "end_time" | "time", "string") => json!("2024-05-01T12:34:56.789Z"),
        ("id", "string") => json!("com.vmware.vcIntegrity.lifecycle.StageTask.HostStaged"),
        ("originator", "string") => json!("vlcm"),
        (_, "Cis.Task.Progress Object") => {
            json!({ "total": 5, "completed": 3, "message": message("com.vmware.progress") })
        }
        (_, "Vapi.Std.LocalizableMessage Object") => message("com.vmware.notification"),
        _ => panic!("no concrete value for the placeholder {placeholder:?} under {key:?}"),
    }
}

fn fill(value: &mut Value, key: &str) {
    match value {
        Value::String(placeholder) => *value = concrete(key, &placeholder.clone()),
        Value::Array(items) => items.iter_mut().for_each(|item| fill(item, key)),
        Value::Object(object) => object.iter_mut().for_each(|(k, v)| fill(v, k)),
        // `false` and numbers are already values of their documented types.
        _ => {}
    }
}

#[test]
fn the_filled_example_round_trips_exactly() {
    let mut example = reference_example(PAGE);
    fill(&mut example, "");
    let text = example.to_string();
    assert!(
        !text.contains("\"string\"") && !text.contains(" Object"),
        "placeholder left: {text}"
    );

    let status: StageStatus =
        serde_json::from_value(example.clone()).expect("the filled example decodes");
    assert_eq!(status.status, stage_status::Status::Running);
    let progress = status.progress.as_ref().expect("progress was given");
    assert_eq!((progress.total, progress.completed), (5, 3));
    let info = &status.notifications.info.as_ref().expect("info was given")[0];
    assert_eq!(info.r#type, Some(notification::Type::Warning));
    assert_eq!(info.retriable, Some(false));

    let encoded = serde_json::to_value(&status).expect("encodes");
    assert_eq!(encoded, example);
}

#[test]
fn the_literal_example_fails_at_the_first_object_placeholder_and_keeps_enum_placeholders() {
    // Decode from the page's text: fields are met in the order the page writes them.
    let text = integration_tests::reference_example_text(PAGE);
    let example = reference_example(PAGE);
    let result: Result<StageStatus, _> =
        serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(&text));
    let err = result.expect_err("\"Cis.Task.Progress Object\" is not a progress object");
    assert_eq!(err.path().to_string(), "progress");
    assert!(
        err.inner()
            .to_string()
            .contains("invalid type: string \"Cis.Task.Progress Object\""),
        "{err}"
    );

    // The enum placeholders are values a newer server could send: they decode and survive.
    let status: stage_status::Status =
        serde_json::from_value(example["status"].clone()).expect("decodes");
    assert!(matches!(&status, stage_status::Status::Unknown(value) if value.as_str() == "string"));
    assert!(!status.is_known());
    assert_eq!(
        serde_json::to_value(&status).expect("encodes"),
        json!("string")
    );
    let kind: notification::Type =
        serde_json::from_value(example["notifications"]["info"][0]["type"].clone())
            .expect("decodes");
    assert!(matches!(&kind, notification::Type::Unknown(value) if value.as_str() == "string"));

    // The date-time placeholders are not date-times: the error names the field.
    let without_progress = text.replacen(r#""progress": "Cis.Task.Progress Object","#, "", 1);
    assert_ne!(without_progress, text);
    let err = serde_path_to_error::deserialize::<_, StageStatus>(
        &mut serde_json::Deserializer::from_str(&without_progress),
    )
    .expect_err("\"string\" is no date-time");
    assert_eq!(err.path().to_string(), "start_time");
    assert!(
        err.inner()
            .to_string()
            .contains("invalid date-time `string`"),
        "{err}"
    );
}
