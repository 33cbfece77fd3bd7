//! Tokens -> text: parse as a `syn::File`, print with prettyplease, put the header on top.
//!
//! prettyplease needs no rustfmt toolchain and prints the same text for the same tokens on every
//! machine, which is what a checked-in, drift-checked output needs.

use proc_macro2::TokenStream;

/// Formats `tokens` as a Rust file that starts with `header`.
pub(crate) fn render_file(header: &str, tokens: TokenStream) -> String {
    let file: syn::File = syn::parse2(tokens).unwrap_or_else(|err| {
        panic!("invariant: generated tokens parse as a Rust file, but syn says: {err}")
    });
    let body = prettyplease::unparse(&file);
    format!("{header}\n\n{body}")
}
