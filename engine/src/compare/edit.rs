//! Edit-distance and token/q-gram comparators over characters.
//!
//! Definitions (n, m are the lengths in characters, after NFC):
//! - `jaro`: Jaro similarity; matching window `max(n, m) / 2 − 1`.
//! - `jaro_winkler`: Jaro plus Winkler's prefix bonus `l · 0.1 · (1 − jaro)`
//!   for a common prefix of `l ≤ 4` characters, applied only when Jaro is
//!   above 0.7 (Winkler's boost threshold; the same as `strsim`,
//!   `jellyfish`, Apache commons-text).
//! - `levenshtein`: insertions, deletions, substitutions, each cost 1.
//! - `damerau_levenshtein`: the *true* (unrestricted) Damerau-Levenshtein
//!   distance, where transposed adjacent characters cost 1 and may be
//!   edited further (`CA` → `ABC` is 2; optimal string alignment says 3).
//! - `levenshtein_similarity`: `1 − levenshtein / max(n, m)`.
//! - `token_set_similarity`: rapidfuzz's `token_set_ratio` / 100 on
//!   rapidfuzz's default processing: lower-case, every character that is
//!   not a letter or digit is a separator; the words of each string form a
//!   set, and with `I` the sorted intersection and `A`, `B` the sorted
//!   differences (each joined with spaces) the result is 1.0 when one set
//!   contains the other, else the best Indel ratio
//!   (`1 − indel_distance / total_length`) among `I` vs `I A`, `I` vs
//!   `I B` and `I A` vs `I B`. Strings without words: both → 1.0, one → 0.0
//!   (rapidfuzz says 0.0 for two empty strings).
//! - `qgram_similarity`: the Dice coefficient `2·|G(a) ∩ G(b)| / (|G(a)| +
//!   |G(b)|)` of the *multisets* of q-grams of the strings padded with
//!   `q − 1` start and `q − 1` end markers (markers that are no character,
//!   so they match only each other). A string of n characters has
//!   `n + q − 1` q-grams.

use std::borrow::Cow;

use rapidfuzz::distance::{
    damerau_levenshtein as rf_dl, indel, jaro as rf_jaro, jaro_winkler as rf_jw, levenshtein as rf_lev,
};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::MAX_COMPARE_CHARS;

/// A string ready for comparison: its bytes when ASCII, else its NFC
/// characters; at most [`MAX_COMPARE_CHARS`] of them.
enum Seq<'a> {
    Ascii(&'a [u8]),
    Chars(Vec<char>),
}

fn seq(s: &str) -> Seq<'_> {
    if s.is_ascii() {
        let b = s.as_bytes();
        Seq::Ascii(&b[..b.len().min(MAX_COMPARE_CHARS)])
    } else {
        Seq::Chars(nfc_chars(s))
    }
}

/// Whether `c` is a character that NFC leaves alone and never composes with
/// a neighbour: ASCII and the CJK unified ideographs, nearly all of the
/// customer data; a range check is cheaper than the quick check's table.
fn plain_nfc(c: char) -> bool {
    c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn nfc_chars(s: &str) -> Vec<char> {
    if s.chars().all(plain_nfc) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.chars().take(MAX_COMPARE_CHARS).collect()
    } else {
        s.nfc().take(MAX_COMPARE_CHARS).collect()
    }
}

fn nfc_str(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || s.chars().all(plain_nfc) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Runs `ascii` on the bytes when both strings are ASCII, else `chars` on
/// the NFC characters of both.
fn dispatch<R>(a: &str, b: &str, ascii: impl Fn(&[u8], &[u8]) -> R, chars: impl Fn(&[char], &[char]) -> R) -> R {
    match (seq(a), seq(b)) {
        (Seq::Ascii(x), Seq::Ascii(y)) => ascii(x, y),
        (Seq::Chars(x), Seq::Chars(y)) => chars(&x, &y),
        (Seq::Ascii(x), Seq::Chars(y)) => chars(&x.iter().map(|&b| b as char).collect::<Vec<_>>(), &y),
        (Seq::Chars(x), Seq::Ascii(y)) => chars(&x, &y.iter().map(|&b| b as char).collect::<Vec<_>>()),
    }
}

/// Similarity from the lengths when one string is empty: 1.0 for two empty
/// strings, 0.0 for one; `None` when both have characters.
fn empty_similarity(n: usize, m: usize) -> Option<f64> {
    match (n, m) {
        (0, 0) => Some(1.0),
        (0, _) | (_, 0) => Some(0.0),
        _ => None,
    }
}

/// Jaro similarity in [0, 1]; see the module documentation.
pub fn jaro(a: &str, b: &str) -> f64 {
    dispatch(
        a,
        b,
        |x, y| {
            empty_similarity(x.len(), y.len())
                .unwrap_or_else(|| rf_jaro::similarity(x.iter().copied(), y.iter().copied()))
        },
        |x, y| {
            empty_similarity(x.len(), y.len())
                .unwrap_or_else(|| rf_jaro::similarity(x.iter().copied(), y.iter().copied()))
        },
    )
}

/// Jaro-Winkler similarity in [0, 1] (prefix weight 0.1, prefix up to 4
/// characters, boost above Jaro 0.7).
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    dispatch(
        a,
        b,
        |x, y| {
            empty_similarity(x.len(), y.len())
                .unwrap_or_else(|| rf_jw::similarity(x.iter().copied(), y.iter().copied()))
        },
        |x, y| {
            empty_similarity(x.len(), y.len())
                .unwrap_or_else(|| rf_jw::similarity(x.iter().copied(), y.iter().copied()))
        },
    )
}

/// [`damerau_levenshtein`] when it is at most `max`, else `None`. Matching
/// only asks whether two IDs or postcodes are one or two edits apart, and
/// most pairs it asks about are strangers' values: a bound from the
/// characters the two have in common settles those without the distance's
/// table (it was 12% of `dedupe`'s scoring). Each edit changes the
/// multiset of characters by at most two (a substitution removes one and
/// adds one; a transposition changes nothing), so at least half of the
/// characters the two do not share must be edited.
pub fn damerau_levenshtein_at_most(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        let (x, y) = (a.as_bytes(), b.as_bytes());
        let mut count = [0i32; 128];
        x.iter().for_each(|&c| count[usize::from(c)] += 1);
        y.iter().for_each(|&c| count[usize::from(c)] -= 1);
        let unshared: u32 = count.iter().map(|n| n.unsigned_abs()).sum();
        if unshared.div_ceil(2) as usize > max {
            return None;
        }
    }
    Some(damerau_levenshtein(a, b)).filter(|d| *d <= max)
}

/// Levenshtein distance in characters.
pub fn levenshtein(a: &str, b: &str) -> usize {
    dispatch(
        a,
        b,
        |x, y| rf_lev::distance(x.iter().copied(), y.iter().copied()),
        |x, y| rf_lev::distance(x.iter().copied(), y.iter().copied()),
    )
}

/// True (unrestricted) Damerau-Levenshtein distance in characters.
pub fn damerau_levenshtein(a: &str, b: &str) -> usize {
    dispatch(
        a,
        b,
        |x, y| rf_dl::distance(x.iter().copied(), y.iter().copied()),
        |x, y| rf_dl::distance(x.iter().copied(), y.iter().copied()),
    )
}

/// `1 − levenshtein / max(n, m)`; 1.0 for two empty strings.
pub fn levenshtein_similarity(a: &str, b: &str) -> f64 {
    fn sim<T: Copy + PartialEq + rapidfuzz::HashableChar>(x: &[T], y: &[T]) -> f64 {
        let max = x.len().max(y.len());
        if max == 0 {
            return 1.0;
        }
        1.0 - rf_lev::distance(x.iter().copied(), y.iter().copied()) as f64 / max as f64
    }
    dispatch(a, b, sim, sim)
}

/// The words of `s` for [`token_set_similarity`]: lower-cased runs of
/// letters and digits (combining marks stay with their letter), sorted,
/// without duplicates. At most [`MAX_COMPARE_CHARS`] characters are read.
fn word_set(s: &str) -> Vec<String> {
    let s = nfc_str(s);
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in s.chars().take(MAX_COMPARE_CHARS) {
        if c.is_alphanumeric() || (!cur.is_empty() && unicode_normalization::char::is_combining_mark(c)) {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words.sort_unstable();
    words.dedup();
    words
}

fn join_chars(words: &[&String]) -> Vec<char> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(w.chars());
    }
    out
}

/// rapidfuzz's token set ratio in [0, 1]; see the module documentation.
pub fn token_set_similarity(a: &str, b: &str) -> f64 {
    let (wa, wb) = (word_set(a), word_set(b));
    if let Some(s) = empty_similarity(wa.len(), wb.len()) {
        return s;
    }
    // Sorted-set decomposition by merging.
    let (mut inter, mut diff_ab, mut diff_ba) = (Vec::new(), Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < wa.len() || j < wb.len() {
        match (wa.get(i), wb.get(j)) {
            (Some(x), Some(y)) if x == y => {
                inter.push(x);
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                diff_ab.push(x);
                i += 1;
            }
            (Some(x), None) => {
                diff_ab.push(x);
                i += 1;
            }
            (_, Some(y)) => {
                diff_ba.push(y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    if !inter.is_empty() && (diff_ab.is_empty() || diff_ba.is_empty()) {
        return 1.0;
    }
    let len =
        |ws: &[&String]| -> usize { ws.iter().map(|w| w.chars().count()).sum::<usize>() + ws.len().saturating_sub(1) };
    let (sect_len, ab_len, ba_len) = (len(&inter), len(&diff_ab), len(&diff_ba));
    let sep = usize::from(sect_len != 0);
    let sect_ab_len = sect_len + sep + ab_len;
    let sect_ba_len = sect_len + sep + ba_len;
    // "I A" vs "I B" share the prefix "I ", so their Indel distance is that
    // of A vs B.
    let dist = indel::distance(join_chars(&diff_ab), join_chars(&diff_ba));
    let ratio = |dist: usize, total: usize| if total == 0 { 1.0 } else { 1.0 - dist as f64 / total as f64 };
    let mut best = ratio(dist, sect_ab_len + sect_ba_len);
    if sect_len > 0 {
        // "I" vs "I A" differ by the inserted " A" only.
        best = best.max(ratio(sep + ab_len, sect_len + sect_ab_len));
        best = best.max(ratio(sep + ba_len, sect_len + sect_ba_len));
    }
    best.clamp(0.0, 1.0)
}

/// Start and end padding markers of q-grams: above every `char`.
const PAD_START: u32 = 0x11_0000;
const PAD_END: u32 = 0x11_0001;

fn padded(s: &str, q: usize) -> Vec<u32> {
    let s = nfc_str(s);
    let mut v = Vec::with_capacity(s.len() + 2 * (q - 1));
    v.extend(std::iter::repeat_n(PAD_START, q - 1));
    v.extend(s.chars().map(u32::from));
    v.extend(std::iter::repeat_n(PAD_END, q - 1));
    v
}

/// The number of common elements of two sorted multisets.
fn common_sorted<T: Ord>(x: &[T], y: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    n
}

/// Dice coefficient of the padded q-gram multisets; see the module
/// documentation. `q` is clamped to `1..=MAX_Q`.
pub fn qgram_similarity(a: &str, b: &str, q: usize) -> f64 {
    let q = q.clamp(1, super::MAX_Q);
    if let Some(s) = empty_similarity(usize::from(!a.is_empty()), usize::from(!b.is_empty())) {
        return s;
    }
    let (pa, pb) = (padded(a, q), padded(b, q));
    let total = (pa.len() + 1 - q) + (pb.len() + 1 - q);
    let common = if q <= 3 {
        // Exact packing: 21 bits per code point (all values are below 2^21).
        let grams = |p: &[u32]| -> Vec<u64> {
            let mut g: Vec<u64> =
                p.windows(q).map(|w| w.iter().fold(0u64, |acc, &c| (acc << 21) | u64::from(c))).collect();
            g.sort_unstable();
            g
        };
        common_sorted(&grams(&pa), &grams(&pb))
    } else {
        fn grams(p: &[u32], q: usize) -> Vec<&[u32]> {
            let mut g: Vec<&[u32]> = p.windows(q).collect();
            g.sort_unstable();
            g
        }
        common_sorted(&grams(&pa, q), &grams(&pb, q))
    };
    2.0 * common as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn jaro_family_textbook_values() {
        // Winkler (1990) / Wikipedia examples.
        assert!(close(jaro("MARTHA", "MARHTA"), 17.0 / 18.0));
        assert!(close(jaro_winkler("MARTHA", "MARHTA"), 0.961_111_111_111_111_1));
        assert!(close(jaro("DIXON", "DICKSONX"), 0.766_666_666_666_666_7));
        assert!(close(jaro_winkler("DIXON", "DICKSONX"), 0.813_333_333_333_333_3));
        assert!(close(jaro_winkler("DWAYNE", "DUANE"), 0.84));
        assert!(close(jaro("", ""), 1.0));
        assert!(close(jaro_winkler("", "abc"), 0.0));
        assert!(close(jaro("abc", "xyz"), 0.0));
        // Characters, not bytes: 张伟 vs 张玮 is one of two characters apart.
        assert!(close(jaro("张伟", "张玮"), (0.5 + 0.5 + 1.0) / 3.0));
        // Jaro 2/3 is below the boost threshold 0.7: no prefix bonus.
        assert!(close(jaro_winkler("张伟", "张玮"), 2.0 / 3.0));
        // Astral characters are one character each.
        assert!(close(jaro("😀a", "😀b"), jaro("xa", "xb")));
    }

    #[test]
    fn edit_distances() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("", ""), 0);
        assert_eq!(levenshtein("北京市朝阳区", "北京朝阳区"), 1);
        assert_eq!(levenshtein("café", "cafe"), 1);
        // Precomposed and decomposed é are the same character.
        assert_eq!(levenshtein("caf\u{e9}", "cafe\u{301}"), 0);
        assert_eq!(levenshtein("😀😁", "😁😀"), 2);
        assert_eq!(levenshtein("ｚｈａｎｇ", "zhang"), 5);
        assert_eq!(damerau_levenshtein("CA", "ABC"), 2);
        assert_eq!(damerau_levenshtein("zhang", "zhnag"), 1);
        assert_eq!(damerau_levenshtein("😀😁", "😁😀"), 1);
        assert_eq!(damerau_levenshtein("", "ab"), 2);
        assert!(close(levenshtein_similarity("kitten", "sitting"), 1.0 - 3.0 / 7.0));
        assert!(close(levenshtein_similarity("", ""), 1.0));
        assert!(close(levenshtein_similarity("", "a"), 0.0));
        assert!(close(levenshtein_similarity("张伟", "张玮"), 0.5));
    }

    #[test]
    fn long_inputs_are_bounded() {
        let a = "ab".repeat(500_000);
        let b = "ba".repeat(500_000);
        // Only the first MAX_COMPARE_CHARS characters are compared.
        assert_eq!(levenshtein(&a, &b), 2);
        assert_eq!(damerau_levenshtein(&a, &a), 0);
        let t = std::time::Instant::now();
        let _ = damerau_levenshtein(&a, &b);
        let _ = jaro_winkler(&a, &b);
        let _ = token_set_similarity(&"x y ".repeat(300_000), &a);
        assert!(t.elapsed().as_secs() < 20);
        assert!(close(qgram_similarity(&a, &a, 2), 1.0));
    }

    #[test]
    fn token_set_values() {
        // rapidfuzz: fuzz.token_set_ratio("fuzzy was a bear", "fuzzy fuzzy was a bear") == 100
        assert!(close(token_set_similarity("fuzzy was a bear", "fuzzy fuzzy was a bear"), 1.0));
        // rapidfuzz: token_set_ratio("new york mets", "new YORK mets vs braves") with
        // default_process is 100 (subset).
        assert!(close(token_set_similarity("new york mets", "New YORK mets vs braves"), 1.0));
        // I = "", A = "john smith", B = "jon smyth": 1 - indel/19. indel("john smith","jon smyth") = 3
        assert!(close(token_set_similarity("John Smith", "Jon Smyth"), 1.0 - 3.0 / 19.0));
        // I = "smith", A = "john", B = "mary": max(1-8/20 (A vs B: indel 8), 1-5/15, 1-5/15)
        assert!(close(token_set_similarity("John Smith", "Mary Smith"), 1.0 - 5.0 / 15.0));
        assert!(close(token_set_similarity("Smith, John", "john SMITH"), 1.0));
        assert!(close(token_set_similarity("", "  "), 1.0));
        assert!(close(token_set_similarity("", "a"), 0.0));
        assert!(close(token_set_similarity("北京市 朝阳区", "朝阳区 北京市"), 1.0));
    }

    #[test]
    fn qgram_values() {
        // "ab" -> #a ab b$ ; "abc" -> #a ab bc c$ : common 2, total 7.
        assert!(close(qgram_similarity("ab", "abc", 2), 4.0 / 7.0));
        assert!(close(qgram_similarity("ab", "ab", 2), 1.0));
        assert!(close(qgram_similarity("ab", "ba", 1), 1.0));
        assert!(close(qgram_similarity("ab", "ba", 2), 0.0));
        // multisets: "aa" -> #a aa a$ ; "aaa" -> #a aa aa a$ : common 3, total 7
        assert!(close(qgram_similarity("aa", "aaa", 2), 6.0 / 7.0));
        assert!(close(qgram_similarity("", "", 3), 1.0));
        assert!(close(qgram_similarity("", "a", 3), 0.0));
        assert!(close(qgram_similarity("张伟", "张玮", 2), 2.0 / 6.0));
        // q = 4 uses the slice path: "abcd" vs "abce": ###a ##ab #abc abcd bcd$ cd$$ d$$$ (7) vs
        // ###a ##ab #abc abce ... : common 3.
        assert!(close(qgram_similarity("abcd", "abce", 4), 6.0 / 14.0));
        assert!(close(qgram_similarity("abcd", "abcd", 40), 1.0));
    }

    proptest! {
        #[test]
        fn properties(a in "\\PC{0,24}|[a-c张伟😀\u{301} ]{0,12}", b in "\\PC{0,24}|[a-c张伟😀\u{301} ]{0,12}", q in 1usize..5) {
            for (name, f) in [
                ("jaro", jaro as fn(&str, &str) -> f64),
                ("jaro_winkler", jaro_winkler),
                ("levenshtein_similarity", levenshtein_similarity),
                ("token_set_similarity", token_set_similarity),
            ] {
                let (x, y) = (f(&a, &b), f(&b, &a));
                prop_assert!((0.0..=1.0).contains(&x), "{} {}", name, x);
                prop_assert!((x - y).abs() < 1e-9, "{} not symmetric", name);
                prop_assert!(close(f(&a, &a), 1.0), "{} identical", name);
            }
            let (x, y) = (qgram_similarity(&a, &b, q), qgram_similarity(&b, &a, q));
            prop_assert!((0.0..=1.0).contains(&x) && (x - y).abs() < 1e-12);
            prop_assert!(close(qgram_similarity(&a, &a, q), 1.0));
            prop_assert_eq!(levenshtein(&a, &b), levenshtein(&b, &a));
            prop_assert_eq!(damerau_levenshtein(&a, &b), damerau_levenshtein(&b, &a));
            prop_assert!(damerau_levenshtein(&a, &b) <= levenshtein(&a, &b));
            prop_assert_eq!(levenshtein(&a, &a), 0);
            let d = damerau_levenshtein(&a, &b);
            for max in 0..4 {
                prop_assert_eq!(damerau_levenshtein_at_most(&a, &b, max), Some(d).filter(|d| *d <= max));
            }
        }

        #[test]
        fn bounded_damerau_levenshtein_on_ids(a in "[0-9X]{15,18}", edits in proptest::collection::vec((0usize..18, 0u8..4, "[0-9X]"), 0..4)) {
            // IDs a few edits apart, as the bound sees them in matching.
            let mut b: Vec<char> = a.chars().collect();
            for (at, kind, c) in edits {
                let at = at.min(b.len().saturating_sub(1));
                let c = c.chars().next().unwrap_or('0');
                match kind {
                    0 if !b.is_empty() => b[at] = c,
                    1 => b.insert(at, c),
                    2 if !b.is_empty() => { b.remove(at); }
                    _ if at + 1 < b.len() => b.swap(at, at + 1),
                    _ => {}
                }
            }
            let b: String = b.into_iter().collect();
            let d = damerau_levenshtein(&a, &b);
            for max in 0..4 {
                prop_assert_eq!(damerau_levenshtein_at_most(&a, &b, max), Some(d).filter(|d| *d <= max));
            }
        }
    }
}
