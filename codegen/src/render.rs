//! Syntax trees -> text: print with prettyplease, put the header on top.
//!
//! prettyplease needs no rustfmt toolchain and prints the same text for the same tree on every
//! machine, which is what a checked-in, drift-checked output needs.
//!
//! A file is printed piece by piece (a type, a module): prettyplease prints a file's items one
//! after another, so the text is the same as printing the whole file at once, while no file is
//! ever held as one syntax tree, and the pieces are shared out among threads. Each thread emits
//! its own pieces (syn's trees hold `proc_macro2` identifiers, which cannot cross threads), and
//! the texts are joined
//! in order, so the output does not depend on the number of threads.
//!
//! The calls of the runtime's macros (`serde_struct!`, `open_enum!`) are the one thing printed
//! here rather than by prettyplease, which prints a macro's tokens with generic spacing
//! (`Vec < String >`, `crate ::runtime`) and slowly (it was a sixth of generation). Their bodies
//! are taken out before printing and written back in, one list element per line.

use std::fmt::Write as _;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use quote::{ToTokens, format_ident};

/// Below this many pieces, starting threads costs more than it saves.
const PIECES_PER_THREAD: usize = 256;

/// The text of each piece, in order, on as many threads as there are cores: `emit` turns a
/// piece into a syntax tree (its `proc_macro2` identifiers cannot cross threads; texts can).
pub(crate) fn render_pieces<P: Sync>(
    pieces: &[P],
    emit: impl Fn(&P) -> syn::File + Sync,
) -> Vec<String> {
    crate::parallel::map(pieces, PIECES_PER_THREAD, |piece| render(emit(piece)))
}

/// Formats `file` as Rust source.
fn render(mut file: syn::File) -> String {
    let mut bodies = Vec::new();
    take_macro_bodies(&mut file.items, &mut bodies);
    let text = prettyplease::unparse(&file);
    if bodies.is_empty() {
        return text;
    }
    put_back_macro_bodies(&text, bodies)
}

/// What stands for the `n`th body while prettyplease prints, as `__macro_body_n`: the calls are
/// found again by their line's ending, `!(__macro_body_n);` for the next `n`, which nothing else
/// prettyplease prints can end in (docs are `///` lines, string literals are escaped).
const PLACEHOLDER: &str = "__macro_body_";

/// Replaces the body of every macro call among `items` (and in their modules) by a numbered
/// placeholder, in the order prettyplease prints them, and keeps the bodies in `bodies`.
fn take_macro_bodies(items: &mut [syn::Item], bodies: &mut Vec<TokenStream>) {
    for item in items {
        match item {
            syn::Item::Macro(call) if call.ident.is_none() => {
                let placeholder = format_ident!("{PLACEHOLDER}{}", bodies.len());
                bodies.push(std::mem::replace(
                    &mut call.mac.tokens,
                    placeholder.into_token_stream(),
                ));
            }
            syn::Item::Mod(syn::ItemMod {
                content: Some((_, items)),
                ..
            }) => take_macro_bodies(items, bodies),
            _ => {}
        }
    }
}

/// Writes `bodies` back in place of their placeholders in `text`, where prettyplease printed
/// each call on a line of its own, ending in `!(__macro_body_N);`.
fn put_back_macro_bodies(text: &str, bodies: Vec<TokenStream>) -> String {
    let mut out = String::with_capacity(text.len() + 128 * bodies.len());
    let mut bodies = bodies.into_iter().enumerate().peekable();
    let mut ending = String::new();
    for line in text.split_inclusive('\n') {
        let code = line.trim_end();
        ending.clear();
        if let Some((index, _)) = bodies.peek() {
            let _ = write!(ending, "!({PLACEHOLDER}{index});");
        }
        let call = code
            .strip_suffix(ending.as_str())
            .filter(|_| !ending.is_empty());
        match call.and_then(|call| Some((call, bodies.next()?.1))) {
            Some((call, body)) => {
                let indent = &code[..code.len() - code.trim_start().len()];
                out.push_str(call);
                out.push_str("!(");
                write_call_body(&mut out, indent, body);
                out.push_str(");\n");
            }
            None => out.push_str(line),
        }
    }
    assert!(
        bodies.next().is_none(),
        "invariant: prettyplease prints every macro call with a placeholder on a line of its own"
    );
    out
}

/// A call's arguments on one line, except a trailing `[…]` list: one element per line, the way
/// rustfmt lays out a last argument that does not fit.
fn write_call_body(out: &mut String, indent: &str, body: TokenStream) {
    let mut tokens: Vec<TokenTree> = body.into_iter().collect();
    let list = match tokens.last() {
        Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Bracket => {
            let stream = group.stream();
            tokens.pop();
            Some(stream)
        }
        _ => None,
    };
    let mut line = Line::default();
    line.write(out, tokens);
    let Some(list) = list else {
        return;
    };
    if line.last.is_some() {
        out.push(' ');
    }
    out.push('[');
    let mut element = Vec::new();
    let mut elements = list.into_iter().peekable();
    while let Some(token) = elements.next() {
        let comma = matches!(&token, TokenTree::Punct(p) if p.as_char() == ',');
        if !comma {
            element.push(token);
        }
        if comma || elements.peek().is_none() {
            let _ = write!(out, "\n{indent}    ");
            Line::default().write(out, std::mem::take(&mut element));
            // The last element's comma only where the list has one: the tokens stay the same.
            if comma {
                out.push(',');
            }
        }
    }
    if !out.ends_with('[') {
        let _ = write!(out, "\n{indent}");
    }
    out.push(']');
}

/// What decides the space before the next token: the kind of the last one written.
#[derive(Default)]
struct Line {
    last: Option<Last>,
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    /// An identifier, literal or group: a word follows after a space.
    Word,
    /// A punctuation mark followed by a space: `,` `;` `:` `=` `=>` `==`.
    Spaced,
    /// A punctuation mark that joins the next token: `::` `<` `>` `&` `'` `-` and the like.
    Joined,
    /// A punctuation mark that is the first of a multi-character one (`:` of `::`).
    Joint(char),
}

impl Line {
    /// Writes `tokens` with the spacing rustfmt gives to types, paths and simple expressions.
    fn write(&mut self, out: &mut String, tokens: impl IntoIterator<Item = TokenTree>) {
        for token in tokens {
            match token {
                TokenTree::Group(group) => {
                    if self.last == Some(Last::Spaced) {
                        out.push(' ');
                    }
                    let (open, close) = match group.delimiter() {
                        Delimiter::Parenthesis => ("(", ")"),
                        Delimiter::Bracket => ("[", "]"),
                        Delimiter::Brace => ("{ ", " }"),
                        Delimiter::None => ("", ""),
                    };
                    out.push_str(open);
                    // Without the group, the stream is its tokens' only owner: iterating it
                    // moves them out instead of copying each one.
                    let stream = group.stream();
                    drop(group);
                    Line::default().write(out, stream);
                    out.push_str(close);
                    self.last = Some(Last::Word);
                }
                TokenTree::Ident(ident) => {
                    self.word(out);
                    let _ = write!(out, "{ident}");
                }
                TokenTree::Literal(literal) => {
                    self.word(out);
                    let _ = write!(out, "{literal}");
                }
                TokenTree::Punct(punct) => self.punct(out, punct.as_char(), punct.spacing()),
            }
        }
    }

    fn word(&mut self, out: &mut String) {
        if matches!(self.last, Some(Last::Word | Last::Spaced)) {
            out.push(' ');
        }
        self.last = Some(Last::Word);
    }

    fn punct(&mut self, out: &mut String, c: char, spacing: Spacing) {
        let first = match self.last {
            Some(Last::Joint(first)) => Some(first),
            _ => None,
        };
        // `=` and `=>` stand apart; a word before the first of them gets its space here.
        let spaced_before = c == '=' && first.is_none();
        let after_space = self.last == Some(Last::Spaced) && !matches!(c, ',' | ';');
        // `a 'b` and `a #b` would lex as a prefixed literal or a reserved prefix if joined.
        let after_word = self.last == Some(Last::Word) && matches!(c, '\'' | '#');
        if (spaced_before && self.last.is_some()) || after_space || after_word {
            out.push(' ');
        }
        out.push(c);
        self.last = Some(match (first, c, spacing) {
            (_, _, Spacing::Joint) if c != '\'' => Last::Joint(c),
            (None, ',' | ';' | ':' | '=', _) | (Some('='), '>' | '=', _) => Last::Spaced,
            _ => Last::Joined,
        });
    }
}

/// A file: `header`, a blank line, then the pieces' texts.
pub(crate) fn join_file(header: &str, pieces: impl IntoIterator<Item = String>) -> String {
    let mut text = format!("{header}\n\n");
    text.extend(pieces);
    text
}

#[cfg(test)]
mod tests {
    use expect_test::expect;
    use proc_macro2::{TokenStream, TokenTree};
    use quote::quote;

    /// The text of `tokens`, parsed as a file.
    fn render_tokens(tokens: TokenStream) -> String {
        super::render(syn::parse2(tokens).expect("the test's tokens parse"))
    }

    #[test]
    fn macro_calls_list_one_element_per_line_with_rustfmt_spacing() {
        let tokens = quote! {
            /// A struct.
            pub struct A {
                pub b: Option<Vec<crate::B>>,
            }
            crate::runtime::serde_struct!(A, other = keep extra: ::std::collections::BTreeMap<String, i64>, validate = fields, [
                (b, "b", 0, optional: Vec<crate::B>, [crate::runtime::Rule::Minimum(-1.0), crate::runtime::Rule::Pattern(&P)]),
                (r#type, "type", 1, defaulted(A::default_type): &'static str),
            ]);
            pub mod a {
                crate::runtime::open_enum!(Kind, "A.kind", Other, [Small => "SMALL", Large => "LARGE",]);
                crate::runtime::serde_struct!(Empty, other = deny, validate = custom, []);
            }
            crate::runtime::empty_slots!(T0 T1);
        };
        expect![[r#"
            /// A struct.
            pub struct A {
                pub b: Option<Vec<crate::B>>,
            }
            crate::runtime::serde_struct!(A, other = keep extra: ::std::collections::BTreeMap<String, i64>, validate = fields, [
                (b, "b", 0, optional: Vec<crate::B>, [crate::runtime::Rule::Minimum(-1.0), crate::runtime::Rule::Pattern(&P)]),
                (r#type, "type", 1, defaulted(A::default_type): &'static str),
            ]);
            pub mod a {
                crate::runtime::open_enum!(Kind, "A.kind", Other, [
                    Small => "SMALL",
                    Large => "LARGE",
                ]);
                crate::runtime::serde_struct!(Empty, other = deny, validate = custom, []);
            }
            crate::runtime::empty_slots!(T0 T1);
        "#]]
        .assert_eq(&render_tokens(tokens));
    }

    #[test]
    fn printed_macro_calls_parse_back_to_the_same_tokens() {
        let tokens = quote! {
            crate::m!(a, b = c => d, [(x::y::<u8>, 'a', -1.5e3, &[1, 2], { e }), (f: &'static G<H<I>>),]);
            m!(k 'l #[n], [o, p]);
            impl X {
                fn f() {
                    m!();
                }
            }
            #[doc = " Holds m!();"]
            mod inner {
                #![doc = " Calls m!();"]
                m!();
                m!(x; y == z, []);
            }
        };
        let text = render_tokens(tokens.clone());
        let reparsed: syn::File = syn::parse_str(&text).expect("the printed text parses");
        assert_eq!(flat(quote!(#reparsed)), flat(tokens), "printed as:\n{text}");
    }

    /// The tokens' texts, groups opened and closed, without their spacing (which printing
    /// decides).
    fn flat(tokens: TokenStream) -> Vec<String> {
        let mut out = Vec::new();
        for token in tokens {
            match token {
                TokenTree::Group(group) => {
                    out.push(format!("{:?}(", group.delimiter()));
                    out.extend(flat(group.stream()));
                    out.push(")".to_owned());
                }
                TokenTree::Punct(punct) => out.push(punct.as_char().to_string()),
                other => out.push(other.to_string()),
            }
        }
        out
    }
}
