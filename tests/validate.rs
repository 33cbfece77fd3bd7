//! Validators report every problem at once, each with a JSON Pointer and a stable code.

use std::collections::BTreeSet;

use integration_tests::{data_path, reference_example_text};
use serde_json::Value;
use vsphere_types::esx::settings::clusters::software::{StageStatus, stage_status};
use vsphere_types::{Mode, Validate, ValidationErrors};

type Problems = BTreeSet<(String, String)>;

fn problems(errors: &ValidationErrors) -> Problems {
    errors
        .iter()
        .map(|e| (e.path().to_owned(), e.code().as_str().to_owned()))
        .collect()
}

fn expected(list: &[(&str, &str)]) -> Problems {
    list.iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect()
}

fn read(relative: &str) -> String {
    let path = data_path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// The same report, whatever the input is given as.
fn reject(json: &str, mode: Mode) -> ValidationErrors {
    let from_str = vsphere_types::from_str_with::<StageStatus>(json, mode).expect_err("invalid");
    let from_slice =
        vsphere_types::from_slice_with::<StageStatus>(json.as_bytes(), mode).expect_err("invalid");
    assert_eq!(from_str, from_slice);
    if let Ok(value) = serde_json::from_str::<Value>(json) {
        let from_value = vsphere_types::from_value_with::<StageStatus>(value.clone(), mode)
            .expect_err("invalid");
        assert_eq!(problems(&from_value), problems(&from_str));
        let validated =
            vsphere_types::validate_value_with::<StageStatus>(&value, mode).expect_err("invalid");
        assert_eq!(problems(&validated), problems(&from_str));
    }
    from_str
}

fn literal_example_problems(with_enums: bool) -> Problems {
    let mut list = vec![
        ("/progress", "type"),
        ("/start_time", "format"),
        ("/end_time", "format"),
    ];
    if with_enums {
        list.push(("/status", "enum"));
    }
    let mut owned: Vec<(String, &str)> = list.iter().map(|(p, c)| ((*p).to_owned(), *c)).collect();
    for kind in ["info", "warnings", "errors"] {
        let mut fields = vec![
            ("time", "format"),
            ("message", "type"),
            ("resolution", "type"),
        ];
        if with_enums {
            fields.push(("type", "enum"));
        }
        for (field, code) in fields {
            owned.push((format!("/notifications/{kind}/0/{field}"), code));
        }
    }
    owned.into_iter().map(|(p, c)| (p, c.to_owned())).collect()
}

#[test]
fn the_literal_example_is_rejected_with_every_problem_in_one_report() {
    let text = reference_example_text("Esx.Settings.Clusters.Software.StageStatus");
    let errors = reject(&text, Mode::Strict);
    assert_eq!(problems(&errors), literal_example_problems(true));
    assert_eq!(errors.len(), 16, "{errors}");

    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    for expected in [
        "/status: \"string\" is not a listed value (expected one of `RUNNING`, `OK`, `SKIPPED`, `TIMED_OUT`, `ERROR`, `RETRY_PENDING`) [enum]",
        "/progress: expected an object, found the string \"Cis.Task.Progress Object\" [type]",
        "/start_time: \"string\" is not a valid date-time (expected RFC 3339, e.g. \"2024-05-01T12:00:00.000Z\") [format]",
    ] {
        assert!(
            lines.iter().any(|l| l == expected),
            "missing {expected:?} in\n{errors}"
        );
    }
    assert_eq!(errors.to_string().lines().count(), 16);
}

#[test]
fn forward_compatible_mode_lets_unknown_enum_values_pass() {
    let text = reference_example_text("Esx.Settings.Clusters.Software.StageStatus");
    let errors = reject(&text, Mode::ForwardCompatible);
    assert_eq!(problems(&errors), literal_example_problems(false));

    let newer = read("valid/finished_without_progress.json").replace("\"OK\"", "\"PAUSED\"");
    let strict = vsphere_types::from_str::<StageStatus>(&newer).expect_err("PAUSED is not listed");
    assert_eq!(problems(&strict), expected(&[("/status", "enum")]));
    let status: StageStatus =
        vsphere_types::from_str_with(&newer, Mode::ForwardCompatible).expect("passes");
    assert_eq!(status.status, stage_status::Status::from("PAUSED"));
    assert!(!status.status.is_known());
}

#[test]
fn valid_documents_decode_and_encode_back_to_the_same_json() {
    let mut seen = 0;
    for entry in std::fs::read_dir(data_path("valid")).expect("tests/data/valid") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("readable");
        let status: StageStatus = vsphere_types::from_str(&text)
            .unwrap_or_else(|errors| panic!("{}:\n{errors}", path.display()));
        status
            .validate()
            .expect("a decoded valid document validates");
        let original: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(
            serde_json::to_value(&status).expect("encodes"),
            absent_for_null(original),
            "{}",
            path.display()
        );
        seen += 1;
    }
    assert!(seen >= 5);
}

/// The document as vAPI reads it: an optional property that is `null` is missing, and is
/// encoded so (no property of these schemas is nullable of its own).
fn absent_for_null(value: Value) -> Value {
    match value {
        Value::Object(object) => Value::Object(
            object
                .into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, absent_for_null(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(absent_for_null).collect()),
        other => other,
    }
}

#[test]
fn a_null_optional_property_is_missing_as_vsphere_documents_it() {
    let text = read("valid/progress_null.json");
    let status: StageStatus = vsphere_types::from_str(&text).expect("null means missing");
    assert_eq!(status.progress, None);
    assert!(
        vsphere_types::validate_value::<StageStatus>(&serde_json::from_str(&text).expect("json"))
            .is_ok()
    );
    let encoded = serde_json::to_value(&status).expect("encodes");
    assert!(encoded.get("progress").is_none(), "{encoded}");
    // A required property still may not be null.
    let required_null = text.replace("\"status\": \"SKIPPED\"", "\"status\": null");
    let errors = reject(&required_null, Mode::Strict);
    assert_eq!(problems(&errors), expected(&[("/status", "type")]));
}

#[test]
fn invalid_documents_report_exactly_their_problems() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "missing_required.json",
            &[
                ("/status", "required"),
                ("/progress/message/id", "required"),
                ("/notifications/errors/0/message", "required"),
                ("/notifications/errors/1/message/params/p/l/id", "required"),
            ],
        ),
        (
            "wrong_types.json",
            &[
                ("/status", "type"),
                ("/progress/total", "type"),
                ("/progress/completed", "type"),
                ("/progress/message/id", "type"),
                ("/progress/message/args", "type"),
                ("/end_time", "type"),
                ("/notifications/info", "type"),
                ("/notifications/warnings/0", "type"),
                ("/notifications/warnings/1/type", "type"),
                ("/notifications/warnings/1/message/args/0", "type"),
                ("/notifications/warnings/1/message/params/x/i", "type"),
                ("/notifications/warnings/1/message/params/x/d", "type"),
                ("/notifications/warnings/1/retriable", "type"),
            ],
        ),
        (
            "bad_date_times.json",
            &[
                ("/start_time", "format"),
                ("/end_time", "format"),
                ("/notifications/warnings/0/time", "format"),
                ("/notifications/warnings/0/message/params/when/dt", "format"),
                ("/notifications/warnings/0/message/params/leap/dt", "format"),
            ],
        ),
        ("truncated.json", &[("", "syntax")]),
    ];
    for (file, want) in cases {
        let errors = reject(&read(&format!("invalid/{file}")), Mode::Strict);
        assert_eq!(problems(&errors), expected(want), "{file}:\n{errors}");
        assert_eq!(
            errors.len(),
            want.len(),
            "{file} reports each problem once:\n{errors}"
        );
    }
}

#[test]
fn a_document_that_is_not_json_is_one_error_with_line_and_column() {
    let errors = reject(&read("invalid/truncated.json"), Mode::Strict);
    let error = errors.iter().next().expect("one error");
    assert_eq!(error.code(), "syntax");
    assert_eq!(error.path(), "");
    assert_eq!(
        error.message(),
        "not valid JSON at line 6 column 36: EOF while parsing a string"
    );
}

#[test]
fn typed_values_are_validated_too() {
    let mut status: StageStatus =
        vsphere_types::from_str(&read("valid/errors_with_resolutions.json")).expect("valid");
    assert!(status.validate().is_ok());
    status.status = stage_status::Status::from("LATER");
    let errors = status.notifications.errors.as_mut().expect("errors");
    errors[1].r#type = Some("CRITICAL".into());
    let errors = status.validate().expect_err("two unknown values");
    assert_eq!(
        problems(&errors),
        expected(&[
            ("/status", "enum"),
            ("/notifications/errors/1/type", "enum")
        ])
    );
    assert!(status.validate_with(Mode::ForwardCompatible).is_ok());
}

#[test]
fn deeply_nested_input_is_a_clean_error() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let errors = vsphere_types::from_str::<StageStatus>(&deep).expect_err("not a status");
    assert_eq!(problems(&errors), expected(&[("", "syntax")]), "{errors}");
    let deep_object = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    let errors = vsphere_types::from_str::<StageStatus>(&deep_object).expect_err("not a status");
    assert_eq!(errors.len(), 1, "{errors}");
}

/// Inputs the fuzzers found (`tests/data/fuzz/`), kept as regression tests with the fuzz targets'
/// invariants: decoding never panics, and a decoded value encodes to text that decodes and encodes
/// to the same text.
#[test]
fn fuzz_findings_stay_fixed() {
    let mut seen = 0;
    for entry in std::fs::read_dir(data_path("fuzz")).expect("tests/data/fuzz") {
        let bytes = std::fs::read(entry.expect("entry").path()).expect("readable");
        if let Ok(status) = vsphere_types::from_slice::<StageStatus>(&bytes) {
            let encoded = serde_json::to_vec(&status).expect("encodes");
            let again: StageStatus = vsphere_types::from_slice(&encoded).expect("decodes again");
            assert_eq!(serde_json::to_vec(&again).expect("encodes"), encoded);
        }
        seen += 1;
    }
    assert!(seen > 0);
}

#[test]
fn sub_millisecond_times_decode_exactly_and_encode_to_the_same_instant() {
    let text = read("fuzz/sub_millisecond_end_time.json");
    let status: StageStatus = vsphere_types::from_str(&text).expect("valid");
    assert_eq!(status.end_time.timestamp_subsec_nanos(), 777_000);
    let encoded = serde_json::to_value(&status).expect("encodes");
    assert_eq!(encoded["end_time"], "2024-05-01T12:00:00.000777Z");
}

/// A list of generated types is judged by its items' schemas, whichever way it comes in: a
/// `null` where the schema allows none is a problem at its place.
#[test]
fn lists_of_generated_types_are_judged_by_their_schemas() {
    use vsphere_types::esx::settings::Notification;
    let item = r#"{"id": "n", "time": "2024-05-01T12:00:00.000Z",
        "message": {"id": "m", "default_message": "d", "args": []}}"#;
    let with_null = item.replacen(r#""id": "n""#, r#""id": null"#, 1);
    let json = format!("[{item}, {with_null}]");
    let want = expected(&[("/1/id", "type")]);
    let errors = vsphere_types::from_str::<Vec<Notification>>(&json).expect_err("a null");
    assert_eq!(problems(&errors), want);
    let errors =
        vsphere_types::from_slice::<Vec<Notification>>(json.as_bytes()).expect_err("a null");
    assert_eq!(problems(&errors), want);
    let value: Value = serde_json::from_str(&json).expect("JSON");
    let errors = vsphere_types::from_value::<Vec<Notification>>(value.clone()).expect_err("a null");
    assert_eq!(problems(&errors), want);
    let errors = vsphere_types::validate_value::<Vec<Notification>>(&value).expect_err("a null");
    assert_eq!(problems(&errors), want);
    // An optional list, and a map of lists, the same.
    let errors =
        vsphere_types::validate_value::<Option<Vec<Notification>>>(&value).expect_err("a null");
    assert_eq!(problems(&errors), want);
    let map = format!(r#"{{"a": {json}}}"#);
    let errors =
        vsphere_types::from_str::<std::collections::BTreeMap<String, Vec<Notification>>>(&map)
            .expect_err("a null");
    assert_eq!(problems(&errors), expected(&[("/a/1/id", "type")]));
    let list: Vec<Notification> = vsphere_types::from_str(&format!("[{item}]")).expect("valid");
    assert_eq!(list.len(), 1);
}
