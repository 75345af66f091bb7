//! Comparators, phonetic keys, pinyin and name similarity (engine:
//! `compare`). The pairwise comparators reject arguments longer than
//! `compare::MAX_COMPARE_CHARS` characters with SQLSTATE 22023, like
//! fuzzystrmatch's `levenshtein` does above 255.
use crate::error::OrRaise;
use customer_clean_engine::compare;
use pgrx::prelude::*;

fn checked(function: &'static str, a: &str, b: &str) {
    compare::check_lengths(function, a, b).or_raise(function);
}

/// Jaro similarity in [0, 1].
#[pg_extern(immutable, strict, parallel_safe)]
fn jaro(a: &str, b: &str) -> f64 {
    checked("jaro", a, b);
    compare::jaro(a, b)
}

/// Jaro-Winkler similarity in [0, 1].
#[pg_extern(immutable, strict, parallel_safe)]
fn jaro_winkler(a: &str, b: &str) -> f64 {
    checked("jaro_winkler", a, b);
    compare::jaro_winkler(a, b)
}

/// Levenshtein distance in characters.
#[pg_extern(immutable, strict, parallel_safe)]
fn levenshtein(a: &str, b: &str) -> i32 {
    checked("levenshtein", a, b);
    // At most MAX_COMPARE_CHARS (4096): always fits.
    i32::try_from(compare::levenshtein(a, b)).unwrap_or(i32::MAX)
}

/// True (unrestricted) Damerau-Levenshtein distance in characters.
#[pg_extern(immutable, strict, parallel_safe)]
fn damerau_levenshtein(a: &str, b: &str) -> i32 {
    checked("damerau_levenshtein", a, b);
    i32::try_from(compare::damerau_levenshtein(a, b)).unwrap_or(i32::MAX)
}

/// 1 − levenshtein / longer length; 1.0 for two empty strings.
#[pg_extern(immutable, strict, parallel_safe)]
fn levenshtein_similarity(a: &str, b: &str) -> f64 {
    checked("levenshtein_similarity", a, b);
    compare::levenshtein_similarity(a, b)
}

/// rapidfuzz's token set ratio / 100.
#[pg_extern(immutable, strict, parallel_safe)]
fn token_set_similarity(a: &str, b: &str) -> f64 {
    checked("token_set_similarity", a, b);
    compare::token_set_similarity(a, b)
}

/// Dice coefficient of the padded q-gram multisets.
#[pg_extern(immutable, strict, parallel_safe)]
fn qgram_similarity(a: &str, b: &str, q: default!(i32, 2)) -> f64 {
    let q = compare::check_q(i64::from(q)).or_raise("qgram_similarity");
    compare::qgram_similarity(a, b, q)
}

/// American Soundex code; NULL when the input has no letters.
#[pg_extern(immutable, strict, parallel_safe)]
fn soundex(input: &str) -> Option<String> {
    compare::soundex(input)
}

/// Metaphone code (at most 4 characters); NULL without letters.
#[pg_extern(immutable, strict, parallel_safe)]
fn metaphone(input: &str) -> Option<String> {
    compare::metaphone(input)
}

/// {primary, alternate} Double Metaphone codes; NULL without letters.
#[pg_extern(immutable, strict, parallel_safe)]
fn double_metaphone(input: &str) -> Option<Vec<String>> {
    compare::double_metaphone(input).map(|(p, a)| vec![p, a])
}

/// Toneless lower-case pinyin, syllables separated by spaces.
#[pg_extern(immutable, strict, parallel_safe)]
fn pinyin(input: &str) -> Option<String> {
    compare::pinyin(input)
}

/// Order-insensitive similarity of two personal names in [0, 1]; NULL when
/// either is not a name (no letters, or longer than 4096 bytes).
#[pg_extern(immutable, strict, parallel_safe)]
fn name_similarity(a: &str, b: &str) -> Option<f64> {
    let (x, y) = (compare::PreparedName::new(a)?, compare::PreparedName::new(b)?);
    Some(x.similarity(&y))
}
