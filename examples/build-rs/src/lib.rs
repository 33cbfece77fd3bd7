//! A crate that generates its types from `petstore.yaml` in its own `build.rs`, with
//! `codegen::Builder`, and includes them here: the pattern of prost-build.
//!
//! ```
//! use example_build_rs::petstore::{Pet, pet::Status};
//!
//! let pet: Pet = example_build_rs::petstore::from_str(r#"{"id": 7, "name": "Rex", "status": "sold"}"#)?;
//! assert_eq!(pet.status, Some(Status::Sold));
//! # Ok::<(), example_build_rs::petstore::ValidationErrors>(())
//! ```

#![deny(missing_docs)]

/// A label, the user's own type, that the build script puts in place of the spec's `Tag`.
pub type Label = String;

include!(concat!(env!("OUT_DIR"), "/petstore.rs"));
