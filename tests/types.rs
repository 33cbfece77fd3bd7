//! What the generated types promise, point by point (issue 2 of the tracker).

use std::collections::BTreeMap;

use serde_json::{Value, json};
use vsphere_types::DateTime;
use vsphere_types::cis::task::Progress;
use vsphere_types::esx::settings::clusters::software::{
    ApplyStatus, StageStatus, apply_status, stage_status,
};
use vsphere_types::esx::settings::{Notification, Notifications, notification};
use vsphere_types::vapi::std::{
    LocalizableMessage, LocalizationParam, NestedLocalizableMessage, localization_param,
};

fn decode<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).expect("decodes")
}

fn encode<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("encodes")
}

fn message(id: &str) -> LocalizableMessage {
    LocalizableMessage::new(id.to_owned(), "text".to_owned(), Vec::new())
}

fn minimal_status() -> Value {
    json!({
        "status": "OK",
        "start_time": "2024-05-01T12:00:00.000Z",
        "end_time": "2024-05-01T12:05:00.000Z",
        "notifications": {}
    })
}

#[test]
fn enum_links_give_typed_fields() {
    // These bindings compile only while the description's `For more information see: *X*` link
    // gives the field X's type rather than `String`.
    let status: StageStatus = decode(minimal_status());
    let typed: stage_status::Status = status.status;
    assert_eq!(typed, stage_status::Status::Ok);
    let apply: ApplyStatus = decode(minimal_status());
    let _: apply_status::Status = apply.status;
    let notification: Notification = decode(json!({
        "id": "n", "time": "2024-05-01T12:00:00Z", "type": "ERROR",
        "message": { "id": "m", "default_message": "d", "args": [] }
    }));
    let kind: Option<notification::Type> = notification.r#type;
    assert_eq!(kind, Some(notification::Type::Error));
    let param: LocalizationParam = decode(json!({ "format": "SHORT_DATE_TIME" }));
    assert_eq!(
        param.format,
        Some(localization_param::DateTimeFormat::ShortDateTime)
    );
}

#[test]
fn enums_keep_wire_names_and_survive_new_values() {
    use stage_status::Status;
    for (variant, wire) in [
        (Status::Running, "RUNNING"),
        (Status::TimedOut, "TIMED_OUT"),
        (Status::RetryPending, "RETRY_PENDING"),
    ] {
        assert_eq!(encode(&variant), json!(wire));
        assert_eq!(decode::<Status>(json!(wire)), variant);
        assert_eq!(variant.as_str(), wire);
        assert!(variant.is_known());
    }
    assert_eq!(
        Status::VALUES,
        [
            "RUNNING",
            "OK",
            "SKIPPED",
            "TIMED_OUT",
            "ERROR",
            "RETRY_PENDING"
        ]
    );

    let newer: Status = decode(json!("PAUSED_BY_A_NEWER_SERVER"));
    assert!(
        matches!(&newer, Status::Unknown(value) if value.as_str() == "PAUSED_BY_A_NEWER_SERVER")
    );
    assert!(!newer.is_known());
    assert_eq!(encode(&newer), json!("PAUSED_BY_A_NEWER_SERVER"));
    assert_eq!(Status::from("TIMED_OUT"), Status::TimedOut);
    assert_eq!(newer.to_string(), "PAUSED_BY_A_NEWER_SERVER");

    // A new value inside a document decodes too, and the document re-encodes unchanged.
    let mut document = minimal_status();
    document["status"] = json!("CANCELLED");
    let status: StageStatus = decode(document.clone());
    assert_eq!(encode(&status), document);

    // Only a value no variant stands for becomes `Unknown`, so equality is equality of strings.
    assert_eq!(Status::from("TIMED_OUT"), Status::TimedOut);
    assert_eq!(Status::from("PAUSED_BY_A_NEWER_SERVER"), newer);
    assert_ne!(newer, Status::Running);

    // Wrong JSON types are still errors: only new strings are welcome.
    assert!(serde_json::from_value::<Status>(json!(7)).is_err());
}

#[test]
fn all_of_wrappers_are_fields_of_the_referenced_type() {
    let progress = Progress::new(10, 4, message("p"));
    let mut status = StageStatus::new(
        stage_status::Status::Running,
        "2024-05-01T12:00:00Z".parse().expect("a date-time"),
        "2024-05-01T12:05:00Z".parse().expect("a date-time"),
        Notifications::default(),
    );
    status.progress = Some(progress.clone());
    let encoded = encode(&status);
    assert_eq!(encoded["progress"], encode(&progress));
    assert_eq!(decode::<StageStatus>(encoded), status);
}

#[test]
fn optional_fields_accept_missing_and_null_and_omit_none() {
    let missing: StageStatus = decode(minimal_status());
    let mut with_null = minimal_status();
    with_null["progress"] = Value::Null;
    let null: StageStatus = decode(with_null);
    assert_eq!(missing.progress, None);
    assert_eq!(null, missing);
    let encoded = encode(&null);
    assert!(
        encoded.get("progress").is_none(),
        "None is omitted: {encoded}"
    );
    assert_eq!(encoded, minimal_status());

    // Required fields are required.
    let mut no_status = minimal_status();
    no_status.as_object_mut().expect("object").remove("status");
    let err = serde_json::from_value::<StageStatus>(no_status).expect_err("status is required");
    assert!(err.to_string().contains("missing field `status`"), "{err}");
}

#[test]
fn optional_arrays_keep_absent_apart_from_empty() {
    let empty: Notifications = decode(json!({ "info": [] }));
    assert_eq!(empty.info, Some(Vec::new()));
    assert_eq!(empty.warnings, None);
    assert_eq!(encode(&empty), json!({ "info": [] }));
    assert_eq!(encode(&Notifications::default()), json!({}));
}

#[test]
fn date_times_are_real_and_encode_as_vsphere_does() {
    let notification: Notification = decode(json!({
        "id": "n", "time": "2024-05-01T14:34:56.789123+02:00",
        "message": { "id": "m", "default_message": "d", "args": [] }
    }));
    let time: DateTime = notification.time;
    let utc: chrono::DateTime<chrono::Utc> = time.into();
    assert_eq!(utc.to_rfc3339(), "2024-05-01T12:34:56.789123+00:00");
    // In UTC with `Z`, and the microseconds it came with: the same instant comes back.
    assert_eq!(
        encode(&notification)["time"],
        json!("2024-05-01T12:34:56.789123Z")
    );

    let err =
        serde_json::from_value::<DateTime>(json!("2024-05-01 12:00:00")).expect_err("not RFC 3339");
    assert!(
        err.to_string()
            .contains("invalid date-time `2024-05-01 12:00:00`"),
        "{err}"
    );
}

#[test]
fn integer_and_number_formats_have_their_rust_types() {
    let progress = Progress::new(i64::MAX, -1, message("p"));
    let mut param = LocalizationParam::new();
    param.i = Some(i64::MIN);
    param.d = Some(0.25);
    param.precision = Some(2);
    let _: (i64, Option<f64>) = (progress.total, param.d);
    assert_eq!(decode::<Progress>(encode(&progress)), progress);
    assert_eq!(decode::<LocalizationParam>(encode(&param)), param);
}

#[test]
fn maps_are_ordered_and_encode_deterministically() {
    let document = json!({
        "id": "m", "default_message": "d", "args": [],
        "params": { "zeta": { "s": "z" }, "alpha": { "i": 1 }, "mid": { "d": 1.5 } }
    });
    let message: LocalizableMessage = decode(document);
    let params: &BTreeMap<String, LocalizationParam> =
        message.params.as_ref().expect("params were given");
    assert_eq!(params.keys().collect::<Vec<_>>(), ["alpha", "mid", "zeta"]);
    let first = serde_json::to_string(&message).expect("encodes");
    let second = serde_json::to_string(&decode::<LocalizableMessage>(
        serde_json::from_str(&first).expect("json"),
    ))
    .expect("encodes");
    assert_eq!(first, second);
    assert!(
        first.find("alpha") < first.find("mid") && first.find("mid") < first.find("zeta"),
        "{first}"
    );
}

#[test]
fn the_recursive_pair_nests_without_boxes() {
    // `LocalizationParam.l` holds a `NestedLocalizableMessage` by value, whose `params` map holds
    // `LocalizationParam`s: the map is the indirection, so neither field needs a `Box`.
    let mut leaf = LocalizationParam::new();
    leaf.s = Some("leaf".to_owned());
    let mut inner = NestedLocalizableMessage::new("inner".to_owned());
    inner.params = Some(BTreeMap::from([("leaf".to_owned(), leaf)]));
    let mut holder = LocalizationParam::new();
    holder.l = Some(inner);
    let mut nested = NestedLocalizableMessage::new("outer".to_owned());
    nested.params = Some(BTreeMap::from([("inner".to_owned(), holder)]));
    let mut param = LocalizationParam::new();
    param.l = Some(nested);
    let encoded = encode(&param);
    assert_eq!(
        encoded["l"]["params"]["inner"]["l"]["params"]["leaf"]["s"],
        json!("leaf")
    );
    assert_eq!(decode::<LocalizationParam>(encoded), param);
}

#[test]
fn unknown_fields_are_kept_and_encoded_back_for_forward_compatibility() {
    let mut document = minimal_status();
    document["added_in_a_newer_release"] = json!({ "anything": [1, null] });
    document["notifications"]["also_new"] = json!(null);
    let status: StageStatus = vsphere_types::from_value(document.clone()).expect("valid");
    assert_eq!(
        status.additional_properties["added_in_a_newer_release"],
        json!({ "anything": [1, null] })
    );
    assert_eq!(
        status.notifications.additional_properties["also_new"],
        Value::Null
    );
    // A client that changes one field and writes the object back deletes nothing it did not know.
    let mut changed = status.clone();
    changed.status =
        vsphere_types::esx::settings::clusters::software::stage_status::Status::Running;
    let mut expected = document;
    expected["status"] = json!("RUNNING");
    assert_eq!(encode(&changed), expected);
}

#[test]
fn debug_output_is_what_derive_debug_would_print() {
    // A struct that mirrors `LocalizableMessage` field for field, with the standard derive.
    #[derive(Debug)]
    #[allow(dead_code)]
    struct Mirror {
        id: String,
        default_message: String,
        args: Vec<String>,
        params: Option<BTreeMap<String, ()>>,
        localized: Option<String>,
    }
    let mut ours = message("m");
    ours.args = vec!["a".to_owned()];
    ours.localized = Some("l".to_owned());
    let mirror = Mirror {
        id: "m".to_owned(),
        default_message: "text".to_owned(),
        args: vec!["a".to_owned()],
        params: None,
        localized: Some("l".to_owned()),
    };
    assert_eq!(
        format!("{ours:?}"),
        format!("{mirror:?}").replace("Mirror", "LocalizableMessage")
    );
    assert_eq!(
        format!("{ours:#?}"),
        format!("{mirror:#?}").replace("Mirror", "LocalizableMessage")
    );

    // Raw identifiers print without `r#`, as the derive prints them.
    let notification: Notification = decode(json!({
        "type": "INFO",
        "id": "n",
        "time": "2024-05-01T12:00:00.000Z",
        "message": { "id": "m", "default_message": "text", "args": [] }
    }));
    let text = format!("{notification:?}");
    assert!(
        text.starts_with("Notification { type: Some(Info), id: \"n\", "),
        "{text}"
    );
}

#[test]
fn a_property_given_twice_is_an_error_even_after_null() {
    let twice = r#"{"id": "a", "default_message": "m", "args": [], "id": "b"}"#;
    let err = serde_json::from_str::<LocalizableMessage>(twice).expect_err("duplicate");
    assert!(err.to_string().contains("duplicate field `id`"), "{err}");

    let after_null =
        r#"{"id": "a", "default_message": "m", "args": [], "localized": null, "localized": "x"}"#;
    let err = serde_json::from_str::<LocalizableMessage>(after_null).expect_err("duplicate");
    assert!(
        err.to_string().contains("duplicate field `localized`"),
        "{err}"
    );
}
