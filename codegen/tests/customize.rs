//! What a user adds to the generated types (derives, attributes, replacements) and the file a
//! build script includes: shown in the text, refused in plain words when it cannot be.

use std::path::PathBuf;

use codegen::{Config, Customize, Target, generate};

fn config(target: Target, customize: Customize) -> Config {
    Config {
        base_dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".."),
        specs: vec![PathBuf::from(
            "specs/vsphere-automation-9.1.0.0-stage-status.yaml",
        )],
        roots: Vec::new(),
        target,
        customize,
        uri_folders: Vec::new(),
        default_schema: None,
        format_assertion: None,
        vapi: false,
        keep_unknown_properties: true,
    }
}

fn include(parent: &str) -> Target {
    Target::Include {
        module: "vsphere".to_owned(),
        parent: parent.to_owned(),
    }
}

#[test]
fn an_included_tree_is_one_module_named_from_its_parent() {
    let output =
        generate(&config(include("crate::apis"), Customize::default())).expect("generates");
    let [file] = output.files.as_slice() else {
        panic!(
            "one file: {:?}",
            output.files.iter().map(|f| &f.path).collect::<Vec<_>>()
        );
    };
    assert_eq!(file.path, PathBuf::from("vsphere.rs"));
    let text = &file.contents;
    assert!(text.contains("\npub mod vsphere {\n"), "{text}");
    assert!(!text.contains("pub mod esx;"), "every module is inline");
    assert!(text.contains("pub mod esx {"), "{text}");
    assert!(
        text.contains("crate::apis::vsphere::vapi::std::LocalizableMessage"),
        "types are named from the parent module"
    );
    assert!(
        text.contains("pub use ::specgen_runtime::{"),
        "re-exports the runtime"
    );
    assert!(!output.sources.is_empty(), "the spec is a source to watch");
    syn::parse_file(text).expect("the file parses");
}

#[test]
fn derives_and_attributes_appear_on_the_types_once() {
    let customize = Customize {
        derives: vec!["Hash".to_owned(), "Debug".to_owned()],
        type_attributes: [(
            "Esx.Settings.Notification".to_owned(),
            vec![
                "#[non_exhaustive]".to_owned(),
                "#[doc(alias = \"note\")]".to_owned(),
            ],
        )]
        .into(),
        ..Customize::default()
    };
    let output = generate(&config(include("crate"), customize)).expect("generates");
    let text = &output.files[0].contents;
    assert!(
        text.contains("#[doc(alias = \"note\")]\n        pub struct Notification {"),
        "{text}"
    );
    // Structs are `#[non_exhaustive]` already: the user's asks for nothing more.
    let before = text
        .split("pub struct Notification {")
        .next()
        .expect("the struct is there");
    let attributes: Vec<&str> = before
        .lines()
        .rev()
        .skip(1)
        .map(str::trim)
        .take_while(|line| line.starts_with("#["))
        .collect();
    let count = attributes
        .iter()
        .filter(|a| **a == "#[non_exhaustive]")
        .count();
    assert_eq!(count, 1, "{attributes:?}");
    // `Debug` is the runtime's already; `Hash` is added, once per type that can take it.
    assert!(!text.contains("derive(Hash, Debug)") && text.contains("#[derive(Hash)]"));
    assert!(!text.contains("#[derive(Debug)]\n"), "no second Debug");
    assert!(text.contains("/// Traits: `Clone` and `PartialEq` by the derive below"));
}

#[test]
fn a_replaced_schema_is_an_alias_of_the_users_type() {
    let customize = Customize {
        replacements: [(
            "Vapi.Std.LocalizableMessage".to_owned(),
            "crate::my::Message".to_owned(),
        )]
        .into(),
        ..Customize::default()
    };
    let output = generate(&config(include("crate"), customize)).expect("generates");
    let text = &output.files[0].contents;
    assert!(
        text.contains("pub type LocalizableMessage = crate::my::Message;"),
        "{text}"
    );
    assert!(!text.contains("pub struct LocalizableMessage"));
}

#[test]
fn a_configuration_that_cannot_be_is_refused_in_plain_words() {
    let customize = Customize {
        derives: vec!["not a path".to_owned()],
        type_attributes: [(
            "Esx.Settings.Notification".to_owned(),
            vec!["non_exhaustive".to_owned()],
        )]
        .into(),
        replacements: [("No.Such.Schema".to_owned(), "crate::X".to_owned())].into(),
        ..Customize::default()
    };
    let err = generate(&config(include("crate"), customize)).expect_err("refused");
    let text = err.to_string();
    for expected in [
        "error: the derive `not a path` is not a trait path",
        "error: the attribute `non_exhaustive` for `Esx.Settings.Notification` is not an outer attribute",
    ] {
        assert!(text.contains(expected), "`{expected}` not in:\n{text}");
    }

    let customize = Customize {
        replacements: [("No.Such.Schema".to_owned(), "crate::X".to_owned())].into(),
        ..Customize::default()
    };
    let err = generate(&config(include("crate"), customize)).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "error: no generated type has the spec name `No.Such.Schema`, which the configuration customizes"
    );

    let err = generate(&config(include("crate::"), Customize::default())).expect_err("refused");
    assert!(
        err.to_string()
            .contains("the parent module `crate::` is not a Rust path"),
        "{err}"
    );
}

/// The command line and a build script say the same things with the same names: each option of
/// `specgen` is a `Builder` method that sets the configuration alike.
#[test]
fn the_builder_and_the_command_line_configure_alike() {
    let mut options = codegen::options::Options::default();
    let args = [
        ("spec", "api.yaml"),
        ("out", "api"),
        ("vapi", ""),
        ("ignore-unknown-properties", ""),
        ("uri-folder", "https://example.com/=schemas"),
        ("format-assertion", "false"),
        ("derive", "Hash"),
        ("type-derive", "Pet=Eq"),
        ("attribute", "#[must_use]"),
        ("type-attribute", "Pet=#[non_exhaustive]"),
        ("replace", "Tag=crate::Label"),
    ];
    for (flag, value) in args {
        assert_eq!(
            options.take(flag, || Ok(value.to_owned())),
            Ok(true),
            "--{flag}"
        );
    }
    let cli = options.config().expect("a config");
    let builder = codegen::Builder::new("api")
        .spec("api.yaml")
        .vapi(true)
        .ignore_unknown_properties()
        .uri_folder("https://example.com/", "schemas")
        .format_assertion(false)
        .derive("Hash")
        .type_derive("Pet", "Eq")
        .attribute("#[must_use]")
        .type_attribute("Pet", "#[non_exhaustive]")
        .replace("Tag", "crate::Label");
    let built = builder.config();
    assert_eq!(built.specs, cli.specs);
    assert_eq!(built.vapi, cli.vapi);
    assert_eq!(built.keep_unknown_properties, cli.keep_unknown_properties);
    assert_eq!(built.uri_folders, cli.uri_folders);
    assert_eq!(built.format_assertion, cli.format_assertion);
    assert_eq!(built.customize.derives, cli.customize.derives);
    assert_eq!(built.customize.type_derives, cli.customize.type_derives);
    assert_eq!(built.customize.attributes, cli.customize.attributes);
    assert_eq!(
        built.customize.type_attributes,
        cli.customize.type_attributes
    );
    assert_eq!(built.customize.replacements, cli.customize.replacements);
}
