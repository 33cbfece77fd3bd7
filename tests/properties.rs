//! Property tests over every value the StageStatus types can hold.
//!
//! - Encoding then decoding gives the same value back.
//! - Validating a value and validating its JSON agree exactly: same (path, code) pairs, in both modes.
//! - Date-times are read as chrono's RFC 3339 parser reads them, in range and out of it.

use std::collections::BTreeMap;

use proptest::prelude::*;
use vsphere_types::cis::task::Progress;
use vsphere_types::esx::settings::clusters::software::{StageStatus, stage_status};
use vsphere_types::esx::settings::{Notification, Notifications, notification};
use vsphere_types::vapi::std::{
    LocalizableMessage, LocalizationParam, NestedLocalizableMessage, localization_param,
};
use vsphere_types::{DateTime, Mode, Validate, ValidationErrors};

/// A listed value, or any other string (which may happen to be a listed one).
fn open_enum<T: From<&'static str> + From<&'static str> + Clone + std::fmt::Debug + 'static>(
    listed: &'static [&'static str],
) -> impl Strategy<Value = T> {
    prop_oneof![
        3 => proptest::sample::select(listed).prop_map(T::from),
        1 => "[A-Z_]{1,10}".prop_map(|s| T::from(Box::leak(s.into_boxed_str()) as &'static str)),
    ]
}

/// Date-times at vSphere's precision (milliseconds), over years 1 to 9999.
fn date_time() -> impl Strategy<Value = DateTime> {
    (-62_135_596_800_000i64..253_402_300_799_999i64).prop_map(|ms| {
        chrono::DateTime::from_timestamp_millis(ms)
            .expect("in range")
            .into()
    })
}

/// Properties a newer vCenter may add, which the types keep and encode back.
fn others() -> impl Strategy<Value = vsphere_types::AdditionalProperties> {
    let value = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "[a-z ]{0,6}".prop_map(serde_json::Value::from),
    ];
    proptest::collection::btree_map("x-[a-z]{1,5}", value, 0..2).prop_map(Into::into)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z .{}0-9]{0,12}", any::<String>()]
}

fn param() -> impl Strategy<Value = LocalizationParam> {
    let leaf = (
        proptest::option::of(text()),
        proptest::option::of(date_time()),
        proptest::option::of(any::<i64>()),
        proptest::option::of(any::<f64>().prop_filter("finite", |f| f.is_finite())),
        proptest::option::of(open_enum::<localization_param::DateTimeFormat>(
            localization_param::DateTimeFormat::VALUES,
        )),
        proptest::option::of(any::<i64>()),
        others(),
    )
        .prop_map(|(s, dt, i, d, format, precision, additional_properties)| {
            let mut param = LocalizationParam::new();
            param.s = s;
            param.dt = dt;
            param.i = i;
            param.d = d;
            param.format = format;
            param.precision = precision;
            param.additional_properties = additional_properties;
            param
        });
    leaf.prop_recursive(3, 16, 3, |inner| {
        (
            inner.clone(),
            text(),
            proptest::option::of(proptest::collection::btree_map(text(), inner, 0..3)),
            others(),
        )
            .prop_map(|(mut param, id, params, additional_properties)| {
                let mut nested = NestedLocalizableMessage::new(id);
                nested.params = params;
                nested.additional_properties = additional_properties;
                param.l = Some(nested);
                param
            })
    })
}

fn message() -> impl Strategy<Value = LocalizableMessage> {
    (
        text(),
        text(),
        proptest::collection::vec(text(), 0..3),
        proptest::option::of(proptest::collection::btree_map(text(), param(), 0..3)),
        proptest::option::of(text()),
        others(),
    )
        .prop_map(
            |(id, default_message, args, params, localized, additional_properties)| {
                let mut message = LocalizableMessage::new(id, default_message, args);
                message.params = params;
                message.localized = localized;
                message.additional_properties = additional_properties;
                message
            },
        )
}

fn notification() -> impl Strategy<Value = Notification> {
    (
        proptest::option::of(open_enum::<notification::Type>(notification::Type::VALUES)),
        text(),
        date_time(),
        message(),
        proptest::option::of(message()),
        proptest::option::of(text()),
        proptest::option::of(any::<bool>()),
        others(),
    )
        .prop_map(
            |(
                r#type,
                id,
                time,
                message,
                resolution,
                originator,
                retriable,
                additional_properties,
            )| {
                let mut notification = Notification::new(id, time, message);
                notification.r#type = r#type;
                notification.resolution = resolution;
                notification.originator = originator;
                notification.retriable = retriable;
                notification.additional_properties = additional_properties;
                notification
            },
        )
}

fn stage_status() -> impl Strategy<Value = StageStatus> {
    let list = || proptest::option::of(proptest::collection::vec(notification(), 0..3));
    (
        open_enum::<stage_status::Status>(stage_status::Status::VALUES),
        proptest::option::of((any::<i64>(), any::<i64>(), message(), others()).prop_map(
            |(total, completed, message, additional_properties)| {
                let mut progress = Progress::new(total, completed, message);
                progress.additional_properties = additional_properties;
                progress
            },
        )),
        date_time(),
        date_time(),
        (list(), list(), list(), others()).prop_map(
            |(info, warnings, errors, additional_properties)| {
                let mut notifications = Notifications::new();
                notifications.info = info;
                notifications.warnings = warnings;
                notifications.errors = errors;
                notifications.additional_properties = additional_properties;
                notifications
            },
        ),
        others(),
    )
        .prop_map(
            |(status, progress, start_time, end_time, notifications, additional_properties)| {
                let mut stage = StageStatus::new(status, start_time, end_time, notifications);
                stage.progress = progress;
                stage.additional_properties = additional_properties;
                stage
            },
        )
}

fn pairs(result: Result<(), ValidationErrors>) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = match result {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.path().to_owned(), e.code().to_string()))
            .collect(),
    };
    pairs.sort();
    pairs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn encoding_then_decoding_gives_the_value_back(status in stage_status()) {
        let json = serde_json::to_string(&status).expect("encodes");
        let decoded: StageStatus = serde_json::from_str(&json).expect("decodes");
        prop_assert_eq!(decoded, status);
    }

    /// Our parser (fixed-width and fast) accepts exactly the texts chrono's accepts, as the same
    /// instants. Two differences are by design and left out: chrono also takes a space for the
    /// `T`, and a leap second at any minute (RFC 3339 allows one only at 23:59 UTC; unit tests in
    /// the runtime cover it).
    #[test]
    fn date_times_parse_as_chrono_parses_them(
        (text, position, replacement) in (rfc3339_like(), any::<prop::sample::Index>(), prop_oneof![
            3 => Just(None),
            1 => proptest::char::range(' ', '~').prop_map(Some),
        ])
    ) {
        let mut text = text.into_bytes();
        if let Some(replacement) = replacement {
            let at = position.index(text.len());
            text[at] = replacement as u8;
        }
        let text = String::from_utf8(text).expect("ASCII");
        prop_assume!(text.as_bytes().get(10) != Some(&b' ') && text.get(17..19) != Some("60"));
        let ours = DateTime::parse(&text).ok().map(DateTime::to_chrono);
        let chrono = chrono::DateTime::parse_from_rfc3339(&text)
            .ok()
            .map(|instant| instant.with_timezone(&chrono::Utc));
        prop_assert_eq!(ours, chrono, "{}", text);
    }

    #[test]
    fn typed_and_json_validation_agree(status in stage_status()) {
        let json = serde_json::to_string(&status).expect("encodes");
        for mode in [Mode::Strict, Mode::ForwardCompatible] {
            let typed = pairs(status.validate_with(mode));
            let from_json = pairs(vsphere_types::from_str_with::<StageStatus>(&json, mode).map(|_| ()));
            let from_value = pairs(vsphere_types::validate_value_with::<StageStatus>(
                &serde_json::from_str(&json).expect("json"),
                mode,
            ));
            prop_assert_eq!(&typed, &from_json);
            prop_assert_eq!(&typed, &from_value);
        }
    }
}

/// Texts shaped like RFC 3339 date-times, with every field a little past its range at times.
fn rfc3339_like() -> impl Strategy<Value = String> {
    let offset = prop_oneof![
        Just("Z".to_owned()),
        Just("z".to_owned()),
        ("[+-]", 0..26u32, 0..62u32, prop::bool::weighted(0.9)).prop_map(
            |(sign, hours, minutes, colon)| {
                let colon = if colon { ":" } else { "" };
                format!("{sign}{hours:02}{colon}{minutes:02}")
            }
        ),
    ];
    (
        (0..=9999u32, 0..14u32, 0..33u32, "[Tt]"),
        (0..25u32, 0..61u32, 0..60u32),
        proptest::option::of("[0-9]{0,12}"),
        offset,
    )
        .prop_map(
            |((year, month, day, separator), (hour, minute, second), fraction, offset)| {
                let fraction = fraction.map(|digits| format!(".{digits}")).unwrap_or_default();
                format!(
                    "{year:04}-{month:02}-{day:02}{separator}{hour:02}:{minute:02}:{second:02}{fraction}{offset}"
                )
            },
        )
}

#[test]
fn maps_of_params_keep_every_key() {
    let params: BTreeMap<String, LocalizationParam> = [
        ("b".to_owned(), LocalizationParam::default()),
        ("a".to_owned(), LocalizationParam::default()),
    ]
    .into();
    let json = serde_json::to_string(&params).expect("encodes");
    assert_eq!(json, r#"{"a":{},"b":{}}"#);
}
