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

use std::borrow::Cow;

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
    clean_cow(input).into_owned()
}

/// [`clean`], borrowing `input` when it is already clean, which is the
/// common case (and always so for values cleaned before, which are checked
/// again on every UPDATE): one scan instead of a char-by-char copy.
pub fn clean_cow(input: &str) -> Cow<'_, str> {
    if is_clean_plain(input) {
        Cow::Borrowed(input)
    } else {
        Cow::Owned(clean_slow(input))
    }
}

/// Whether `input` is made only of printable ASCII and CJK unified
/// ideographs (NFKC-stable, see [`is_plain_nfkc`], and none of them white
/// space, control or invisible) and single spaces between words: then
/// [`clean`] would return it unchanged.
fn is_clean_plain(input: &str) -> bool {
    let bytes = input.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    if input.is_ascii() {
        for &b in bytes {
            match b {
                b' ' if prev_space => return false,
                b' ' => prev_space = true,
                0x21..=0x7E => prev_space = false,
                _ => return false,
            }
        }
        return true;
    }
    for c in input.chars() {
        match c {
            ' ' if prev_space => return false,
            ' ' => prev_space = true,
            '\u{21}'..='\u{7E}' | '\u{4E00}'..='\u{9FFF}' => prev_space = false,
            _ => return false,
        }
    }
    true
}

/// [`clean`] when the fast check of [`clean_cow`] fails.
fn clean_slow(input: &str) -> String {
    let visible = without_invisible(input);
    let mut out = String::with_capacity(visible.len());
    if is_nfkc(&visible) {
        collapse_spaces(visible.chars(), &mut out);
    } else {
        collapse_spaces(visible.nfkc(), &mut out);
    }
    out
}

/// Step 3 of [`clean`]: every white space, control or invisible character
/// ends a word; words are joined by one space.
fn collapse_spaces(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut pending_space = false;
    for c in chars {
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
}

/// `input` without invisible characters; borrowed when it has none (ASCII
/// has none), which is nearly always.
fn without_invisible(input: &str) -> Cow<'_, str> {
    if input.is_ascii() || !input.chars().any(is_invisible) {
        Cow::Borrowed(input)
    } else {
        Cow::Owned(input.chars().filter(|c| !is_invisible(*c)).collect())
    }
}

/// Whether NFKC would leave `s` as it is, when that is cheap to tell: ASCII
/// is always NFKC, and the quick check answers "yes" for most other text
/// (CJK, accented Latin in composed form) without normalizing it. NFKC costs
/// a decomposition and a recomposition of every character, with buffers.
fn is_nfkc(s: &str) -> bool {
    s.chars().all(is_plain_nfkc)
        || unicode_normalization::is_nfkc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes
}

/// ASCII and the CJK unified ideographs: NFKC-stable starters (no
/// decomposition, combining class 0), none of which composes with another
/// of them, so a string made only of these is NFKC. They make up nearly all
/// customer names and addresses, and a range check is much cheaper than the
/// quick check's table search per character.
fn is_plain_nfkc(c: char) -> bool {
    c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// `s` in NFC, without the work when it is already NFC (ASCII always is,
/// and the quick check answers for most other text).
pub fn nfc(s: String) -> String {
    if s.is_ascii() || unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

/// Full-width and other compatibility forms folded, invisibles removed, but
/// no change to spacing; used by parsers that care about every character.
pub fn fold_width(input: &str) -> String {
    fold_width_cow(input).into_owned()
}

/// [`fold_width`], borrowing `input` when it has nothing to fold (ASCII
/// never has), to spare parsers a copy.
pub fn fold_width_cow(input: &str) -> Cow<'_, str> {
    let visible = without_invisible(input);
    if is_nfkc(&visible) {
        visible
    } else {
        Cow::Owned(visible.nfkc().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_full_width_and_collapses_spaces() {
        assert_eq!(normalize_text("  ＡＢＣ　１２３\t\n x ").as_deref(), Some("ABC 123 x"));
        assert_eq!(normalize_text("Zh\u{200B}ang\u{FEFF} Wei").as_deref(), Some("Zhang Wei"));
        assert_eq!(normalize_text("（86）138").as_deref(), Some("(86)138"));
        assert_eq!(normalize_text("ﬁle").as_deref(), Some("file"));
        assert_eq!(normalize_text("a\u{0000}b\u{0007}c").as_deref(), Some("a b c"));
        assert_eq!(normalize_text("e\u{200D}\u{0301}").as_deref(), Some("é"));
        assert_eq!(normalize_text("张　伟").as_deref(), Some("张 伟"));
    }

    #[test]
    fn plain_nfkc_characters_are_nfkc() {
        use unicode_normalization::{is_nfkc_quick, IsNormalized};
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| is_plain_nfkc(*c)) {
            assert_eq!(is_nfkc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
            assert_eq!(c.to_string().nfkc().collect::<String>(), c.to_string());
        }
        assert!(is_nfkc("北京市朝阳区 Road 12"));
        assert!(!is_nfkc("ＡＢＣ"));
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
        fn fast_check_agrees(s in "[ a-zA-Z0-9.,\t\u{3000}张伟ｘ\u{200B}]*") {
            let (fast, slow) = (clean_cow(&s).into_owned(), clean_slow(&s));
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn never_panics_on_any_chars(s in any::<String>()) {
            let once = clean(&s);
            prop_assert_eq!(clean(&once), once);
        }
    }
}
