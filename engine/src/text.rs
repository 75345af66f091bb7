//! `normalize_text`: the Unicode clean-up every other normalizer starts from.
//!
//! Steps, in this order (the order matters for idempotence: removing an
//! invisible character between a letter and a combining mark lets NFKC
//! compose them, so invisibles go first):
//! 1. drop zero-width and bidirectional-control characters and the soft
//!    hyphen, which are invisible but break equality;
//! 2. NFKC, which folds full-width ASCII (`１３８`, `Ａ`) to half-width,
//!    ideographic space to space, ligatures and compatibility forms;
//! 3. turn every other control character and every Unicode white space into
//!    a plain space, collapse runs of spaces and trim.

use unicode_normalization::UnicodeNormalization;

/// Characters that render as nothing but make strings unequal.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'            // soft hyphen
        | '\u{180E}'          // Mongolian vowel separator
        | '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{FEFF}'          // byte-order mark / zero-width no-break space
    )
}

/// Whether `input` shows nothing: only white space, control and invisible
/// characters. Such input means "no value" (NULL) for every normalizer.
pub fn is_blank(input: &str) -> bool {
    input.chars().all(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
}

/// Normalizes free text as described in the module documentation.
/// Returns `None` when nothing visible is left.
pub fn normalize_text(input: &str) -> Option<String> {
    let cleaned = clean(input);
    if cleaned.is_empty() {
        None
    } else {
        Some(cleaned)
    }
}

/// [`normalize_text`] without the `None` for empty results; the building
/// block of the field normalizers.
pub fn clean(input: &str) -> String {
    let visible: String = input.chars().filter(|c| !is_invisible(*c)).collect();
    let mut out = String::with_capacity(visible.len());
    let mut pending_space = false;
    for c in visible.nfkc() {
        if c.is_whitespace() || c.is_control() || is_invisible(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Full-width and other compatibility forms folded, invisibles removed, but
/// no change to spacing; used by parsers that care about every character.
pub fn fold_width(input: &str) -> String {
    input
        .chars()
        .filter(|c| !is_invisible(*c))
        .collect::<String>()
        .nfkc()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_full_width_and_collapses_spaces() {
        assert_eq!(
            normalize_text("  ＡＢＣ　１２３\t\n x ").as_deref(),
            Some("ABC 123 x")
        );
        assert_eq!(normalize_text("Zh\u{200B}ang\u{FEFF} Wei").as_deref(), Some("Zhang Wei"));
        assert_eq!(normalize_text("（86）138").as_deref(), Some("(86)138"));
        assert_eq!(normalize_text("ﬁle").as_deref(), Some("file"));
        assert_eq!(normalize_text("a\u{0000}b\u{0007}c").as_deref(), Some("a b c"));
        assert_eq!(normalize_text("e\u{200D}\u{0301}").as_deref(), Some("é"));
        assert_eq!(normalize_text("张　伟").as_deref(), Some("张 伟"));
    }

    #[test]
    fn empty_and_blank_are_none() {
        assert_eq!(normalize_text(""), None);
        assert_eq!(normalize_text(" \u{3000}\t\u{200B} "), None);
    }

    proptest! {
        #[test]
        fn idempotent(s in "\\PC*|[\\s\\p{Zs}\u{200B}\u{0301}a-zＡ-Ｚ]*") {
            let once = clean(&s);
            prop_assert_eq!(clean(&once), once);
        }

        #[test]
        fn never_panics_on_any_chars(s in any::<String>()) {
            let once = clean(&s);
            prop_assert_eq!(clean(&once), once);
        }
    }
}
