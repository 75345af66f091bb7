//! Comparators, phonetic keys, pinyin: never panic; similarities in
//! [0, 1]; distances symmetric; a string is identical to itself.
#![no_main]
use customer_clean_engine::compare::{
    damerau_levenshtein, double_metaphone, jaro, jaro_winkler, levenshtein, levenshtein_similarity, metaphone,
    name_similarity, pinyin, qgram_similarity, soundex, token_set_similarity,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    // the input is two strings separated by the first '|'
    let (a, b) = s.split_once('|').unwrap_or((s, ""));
    for sim in [jaro(a, b), jaro_winkler(a, b), levenshtein_similarity(a, b), token_set_similarity(a, b), qgram_similarity(a, b, 2), name_similarity(a, b)] {
        assert!((0.0..=1.0).contains(&sim), "similarity {sim} of {a:?} and {b:?}");
    }
    assert_eq!(levenshtein(a, b), levenshtein(b, a));
    assert_eq!(damerau_levenshtein(a, b), damerau_levenshtein(b, a));
    assert_eq!(levenshtein(a, a), 0);
    let _ = (soundex(a), metaphone(a), double_metaphone(a), pinyin(a));
});
