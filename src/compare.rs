//! Comparators, phonetic keys, pinyin and name similarity (engine:
//! `compare`). Like the normalizers (README, "NULL or error?"), they give
//! NULL for inputs longer than any real customer field, in bounded time:
//! the pairwise comparators above `compare::MAX_COMPARE_CHARS` characters
//! per argument (counted with an early stop, so a 100 MB argument costs a
//! 16 KB scan), the phonetic keys and pinyin above `MAX_FIELD_BYTES` bytes.
//! Only a wrong `q` of `qgram_similarity` is an error (22023).
use crate::error::OrRaise;
use customer_clean_engine::compare;
use pgrx::prelude::*;

/// Both arguments within the comparators' bound.
fn bounded(a: &str, b: &str) -> Option<()> {
    (compare::within_limit(a) && compare::within_limit(b)).then_some(())
}

/// The argument of a phonetic key or pinyin, if within the normalizers' bound.
fn field(input: &str) -> Option<&str> {
    (input.len() <= customer_clean_engine::MAX_FIELD_BYTES).then_some(input)
}

/// Jaro similarity in [0, 1].
#[pg_extern(immutable, strict, parallel_safe)]
fn jaro(a: &str, b: &str) -> Option<f64> {
    bounded(a, b)?;
    Some(compare::jaro(a, b))
}

/// Jaro-Winkler similarity in [0, 1].
#[pg_extern(immutable, strict, parallel_safe)]
fn jaro_winkler(a: &str, b: &str) -> Option<f64> {
    bounded(a, b)?;
    Some(compare::jaro_winkler(a, b))
}

/// Levenshtein distance in characters.
#[pg_extern(immutable, strict, parallel_safe)]
fn levenshtein(a: &str, b: &str) -> Option<i32> {
    bounded(a, b)?;
    // At most MAX_COMPARE_CHARS (4096): always fits.
    Some(i32::try_from(compare::levenshtein(a, b)).unwrap_or(i32::MAX))
}

/// True (unrestricted) Damerau-Levenshtein distance in characters.
#[pg_extern(immutable, strict, parallel_safe)]
fn damerau_levenshtein(a: &str, b: &str) -> Option<i32> {
    bounded(a, b)?;
    Some(i32::try_from(compare::damerau_levenshtein(a, b)).unwrap_or(i32::MAX))
}

/// Levenshtein similarity in [0, 1]: 1 − levenshtein / longer length; 1.0
/// for two empty strings.
#[pg_extern(immutable, strict, parallel_safe)]
fn levenshtein_similarity(a: &str, b: &str) -> Option<f64> {
    bounded(a, b)?;
    Some(compare::levenshtein_similarity(a, b))
}

/// Token set similarity in [0, 1]: rapidfuzz's token set ratio / 100.
#[pg_extern(immutable, strict, parallel_safe)]
fn token_set_similarity(a: &str, b: &str) -> Option<f64> {
    bounded(a, b)?;
    Some(compare::token_set_similarity(a, b))
}

/// Q-gram similarity in [0, 1]: the Dice coefficient of the padded q-gram
/// multisets.
#[pg_extern(immutable, strict, parallel_safe)]
fn qgram_similarity(a: &str, b: &str, q: default!(i32, 2)) -> Option<f64> {
    // q first: a wrong q is a wrong call whatever the strings are.
    let q = compare::check_q(i64::from(q)).or_raise("qgram_similarity");
    bounded(a, b)?;
    Some(compare::qgram_similarity(a, b, q))
}

/// American Soundex code; NULL when the input has no letters.
#[pg_extern(immutable, strict, parallel_safe)]
fn soundex(input: &str) -> Option<String> {
    compare::soundex(field(input)?)
}

/// Metaphone code (at most 4 characters); NULL without letters.
#[pg_extern(immutable, strict, parallel_safe)]
fn metaphone(input: &str) -> Option<String> {
    compare::metaphone(field(input)?)
}

/// Double Metaphone codes {primary, alternate}; NULL without letters.
#[pg_extern(immutable, strict, parallel_safe)]
fn double_metaphone(input: &str) -> Option<Vec<String>> {
    compare::double_metaphone(field(input)?).map(|(p, a)| vec![p, a])
}

/// Toneless lower-case pinyin, syllables separated by spaces.
#[pg_extern(immutable, strict, parallel_safe)]
fn pinyin(input: &str) -> Option<String> {
    compare::pinyin(field(input)?)
}

/// Order-insensitive similarity of two personal names in [0, 1]; NULL when
/// either is not a name (no letters, or longer than 4096 bytes).
#[pg_extern(immutable, strict, parallel_safe)]
fn name_similarity(a: &str, b: &str) -> Option<f64> {
    let (x, y) = (compare::PreparedName::new(a)?, compare::PreparedName::new(b)?);
    Some(x.similarity(&y))
}
