//! Comparators and phonetic keys: the building blocks of matching.
//!
//! # String comparators (`edit.rs`)
//! `jaro`, `jaro_winkler`, `levenshtein`, `damerau_levenshtein`,
//! `levenshtein_similarity`, `token_set_similarity`, `qgram_similarity`.
//! - They count **characters** (Unicode scalar values), never bytes, after
//!   bringing both strings to NFC, so `é` typed precomposed or as `e` +
//!   U+0301 is one and the same character. Nothing else is changed: case,
//!   width, accents and invisible characters all count (use
//!   `normalize_text` or `lower` first to ignore them), except in
//!   `token_set_similarity`, which works on lower-cased words.
//! - Two empty strings are identical (similarity 1.0, distance 0); an
//!   empty string and a non-empty one have similarity 0.0.
//! - The edit distances and the Jaro family are computed with the
//!   bit-parallel algorithms of the `rapidfuzz` crate (Hyyrö's Levenshtein,
//!   Myers-style Jaro), `O(⌈n/64⌉·m)`; true Damerau-Levenshtein is
//!   `O(n·m)`. To keep hostile input cheap, every argument of these
//!   functions is limited to [`MAX_COMPARE_CHARS`] characters: the SQL layer
//!   returns NULL for longer arguments ([`within_limit`], which reads at
//!   most that many characters, so a 100 MB argument costs microseconds),
//!   as the normalizers do above [`crate::MAX_FIELD_BYTES`] bytes; and the
//!   engine functions themselves compare only the first
//!   [`MAX_COMPARE_CHARS`] characters, so no call takes unbounded time
//!   whoever calls it. `qgram_similarity` has the same bound: it is linear,
//!   but it holds 12 bytes per character of each argument.
//!
//! # Phonetic keys (`phonetic.rs`)
//! `soundex`, `metaphone`, `double_metaphone` (the `rphonetic` crate, a port
//! of Apache commons-codec), on the input folded to ASCII letters, with
//! Chinese characters read as their pinyin.
//!
//! # Chinese ([`pinyin()`], `pinyin.rs`)
//! Romanization without tones, with surname readings for names.
//!
//! # Names ([`PreparedName`], [`name_similarity()`], `name_similarity.rs`)
//! Order-insensitive comparison of personal names that understands
//! initials, nicknames, pinyin and Chinese characters; see
//! `name_similarity.rs` for the definition.

mod edit;
mod name_similarity;
mod nicknames;
mod phonetic;
mod pinyin;

pub use edit::{
    damerau_levenshtein, damerau_levenshtein_at_most, jaro, jaro_winkler, levenshtein, levenshtein_similarity,
    qgram_similarity, token_set_similarity,
};
pub use name_similarity::{name_similarity, PreparedName};
pub use phonetic::{double_metaphone, metaphone, soundex};
pub use pinyin::pinyin;

use crate::{ErrorClass, SqlError};

/// The longest argument, in characters, that the pairwise comparators
/// (`jaro`, `jaro_winkler`, `levenshtein`, `damerau_levenshtein`,
/// `levenshtein_similarity`, `token_set_similarity`) accept. Customer fields
/// are far shorter; true Damerau-Levenshtein of two such strings takes
/// about 0.1 s, the others a few milliseconds at most.
pub const MAX_COMPARE_CHARS: usize = 4096;

/// The largest `q` that [`qgram_similarity`] accepts.
pub const MAX_Q: usize = 32;

/// Errors about the arguments of the comparators.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("qgram_similarity: q must be between 1 and {max}, not {0}", max = MAX_Q)]
    BadQ(i64),
}

impl SqlError for CompareError {
    fn class(&self) -> ErrorClass {
        ErrorClass::InvalidParameterValue
    }
    fn hint(&self) -> String {
        match self {
            CompareError::BadQ(_) => {
                format!("use a q-gram length from 1 to {MAX_Q}; 2 (bigrams) or 3 (trigrams) suit names and addresses")
            }
        }
    }
}

/// Whether `s` has at most [`MAX_COMPARE_CHARS`] characters. Reads at most
/// that many characters plus one (16 KB), whatever the length of `s`.
pub fn within_limit(s: &str) -> bool {
    // A string of at most MAX bytes has at most MAX characters.
    s.len() <= MAX_COMPARE_CHARS || s.chars().nth(MAX_COMPARE_CHARS).is_none()
}

/// Reads the `q` argument of [`qgram_similarity`] (1 to [`MAX_Q`]).
pub fn check_q(q: i64) -> Result<usize, CompareError> {
    match usize::try_from(q) {
        Ok(q) if (1..=MAX_Q).contains(&q) => Ok(q),
        _ => Err(CompareError::BadQ(q)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        assert!(within_limit(&"x".repeat(4096)));
        assert!(within_limit(&"张".repeat(4096)));
        assert!(!within_limit(&"x".repeat(4097)));
        assert!(!within_limit(&"张".repeat(4097)));
        assert!(within_limit(""));
        // 100 MB: answered from the first 4097 characters.
        let huge = "é".repeat(50 << 20);
        let started = std::time::Instant::now();
        assert!(!within_limit(&huge));
        assert!(started.elapsed() < std::time::Duration::from_millis(50));
        assert_eq!(check_q(2), Ok(2));
        assert_eq!(check_q(0), Err(CompareError::BadQ(0)));
        assert_eq!(check_q(33), Err(CompareError::BadQ(33)));
        assert_eq!(check_q(-1), Err(CompareError::BadQ(-1)));
        assert_eq!(CompareError::BadQ(0).to_string(), "qgram_similarity: q must be between 1 and 32, not 0");
    }
}
