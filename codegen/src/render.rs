//! Tokens -> text: parse as a `syn::File`, print with prettyplease, put the header on top.
//!
//! prettyplease needs no rustfmt toolchain and prints the same text for the same tokens on every
//! machine, which is what a checked-in, drift-checked output needs.
//!
//! A file is printed piece by piece (a type, a module): prettyplease prints a file's items one
//! after another, so the text is the same as printing the whole file at once, while no file is
//! ever held as one token tree, and the pieces are shared out among threads. Each thread turns its
//! own pieces into tokens (`proc_macro2`'s tokens cannot cross threads), and the texts are joined
//! in order, so the output does not depend on the number of threads.

use std::num::NonZero;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use proc_macro2::TokenStream;

/// Below this many pieces, starting threads costs more than it saves.
const PIECES_PER_THREAD: usize = 256;

/// The text of each piece, in order: `emit` turns a piece into tokens.
///
/// The threads take the next piece from a shared counter, so that one thread is not left with
/// all the large pieces; each text goes to its piece's place, so the order is the input's.
pub(crate) fn render_pieces<P: Sync>(
    pieces: &[P],
    emit: impl Fn(&P) -> TokenStream + Sync,
) -> Vec<String> {
    let threads = thread::available_parallelism()
        .map_or(1, NonZero::get)
        .min(pieces.len().div_ceil(PIECES_PER_THREAD))
        .max(1);
    if threads == 1 {
        return pieces.iter().map(|piece| render(emit(piece))).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(piece) = pieces.get(index) else {
                return done;
            };
            done.push((index, render(emit(piece))));
        }
    };
    let mut texts = vec![String::new(); pieces.len()];
    thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mine = work();
        let theirs = helpers.into_iter().flat_map(|helper| {
            helper
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        for (index, text) in mine.into_iter().chain(theirs) {
            texts[index] = text;
        }
    });
    texts
}

/// Formats `tokens` as Rust source.
fn render(tokens: TokenStream) -> String {
    let file: syn::File = syn::parse2(tokens).unwrap_or_else(|err| {
        panic!("invariant: generated tokens parse as a Rust file, but syn says: {err}")
    });
    prettyplease::unparse(&file)
}

/// A file: `header`, a blank line, then the pieces' texts.
pub(crate) fn join_file(header: &str, pieces: impl IntoIterator<Item = String>) -> String {
    let mut text = format!("{header}\n\n");
    text.extend(pieces);
    text
}
