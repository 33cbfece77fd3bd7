//! The types a build script generates: derives and attributes asked for, a schema replaced by
//! a type of the user's, validation, and one `Validate` shared with another generated crate.

use std::collections::HashSet;

use example_build_rs::petstore::{self, Pet, pet::Status};
use specgen_runtime::{Validate, ValidationError};
use vsphere_types::esx::settings::clusters::software::StageStatus;

#[test]
fn derives_and_replacements_are_applied() {
    let mut pet = Pet::new(petstore::PetId(7), "Rex".to_owned());
    pet.status = Some(Status::Sold);
    pet.tags = Some(vec![example_build_rs::Label::from("good")]);
    // `Eq` and `Hash` were asked for, and `Copy` for the id; `Tag` is the user's `Label`.
    let id = pet.id;
    assert_eq!(id, pet.id);
    let mut set = HashSet::new();
    set.insert(pet.clone());
    assert!(set.contains(&pet));
    let tags: Option<Vec<String>> = pet.tags.clone();
    assert_eq!(tags, Some(vec!["good".to_owned()]));
}

#[test]
fn constraints_of_named_schemas_are_checked() {
    let errors = petstore::from_str::<Pet>(r#"{"id": 0, "name": "toolong"}"#)
        .expect_err("id and name break their bounds");
    let found: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.path().to_owned(), e.code().to_string()))
        .collect();
    assert!(
        found.contains(&("/name".to_owned(), "max_length".to_owned())),
        "{found:?}"
    );
}

/// Every problem of any value whose type implements the runtime's `Validate`, from any crate.
fn problems<T: Validate>(value: &T, into: &mut Vec<ValidationError>) {
    if let Err(errors) = value.validate() {
        into.extend(errors);
    }
}

#[test]
fn two_generated_crates_share_one_validate_and_one_error_type() {
    let pet: Pet = serde_json::from_str(r#"{"id": 1, "name": "Rex", "status": "lost"}"#)
        .expect("an unknown status decodes");
    let status: StageStatus = serde_json::from_str(
        r#"{"status": "ASLEEP", "start_time": "2024-05-01T12:00:00.000Z",
            "end_time": "2024-05-01T12:05:00.000Z", "notifications": {}}"#,
    )
    .expect("an unknown status decodes");
    let mut errors = Vec::new();
    problems(&pet, &mut errors);
    problems(&status, &mut errors);
    let paths: Vec<&str> = errors.iter().map(ValidationError::path).collect();
    assert_eq!(paths, ["/status", "/status"], "{errors:?}");
    // The re-exports of both crates are the runtime's own items.
    let _: fn(&str) -> Result<Pet, vsphere_types::ValidationErrors> = petstore::from_str::<Pet>;
    let _: vsphere_types::DateTime = status.end_time;
}

#[test]
fn a_default_is_what_the_getter_gives_and_absent_stays_absent() {
    let text = r#"{"id": 1, "name": "Rex"}"#;
    let pet: Pet = petstore::from_str(text).expect("valid");
    assert_eq!((pet.status.clone(), pet.lives), (None, None));
    assert_eq!((pet.status(), pet.lives()), (Status::Available, 1));
    // Encoding writes what the document had, not the defaults.
    let encoded = serde_json::to_value(&pet).expect("encodes");
    assert_eq!(encoded, serde_json::json!({"id": 1, "name": "Rex"}));
    let set: Pet =
        petstore::from_str(r#"{"id": 1, "name": "Rex", "lives": 9, "status": "sold", "x": [1]}"#)
            .expect("valid");
    assert_eq!((set.status(), set.lives()), (Status::Sold, 9));
    assert_eq!(set.additional_properties["x"], serde_json::json!([1]));
}
