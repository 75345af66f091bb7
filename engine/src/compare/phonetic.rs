//! Phonetic keys: Soundex, Metaphone, Double Metaphone.
//!
//! The encoders are those of the `rphonetic` crate (a port of Apache
//! commons-codec): American Soundex (`H` and `W` do not separate letters of
//! the same code: `Ashcraft` → `A261`), Metaphone and Double Metaphone with
//! codes of at most 4 characters (the usual length, commons-codec's
//! default).
//!
//! The encoders only know the letters A-Z, so the input is first read as
//! ASCII letters: [`crate::text::clean`] (NFKC: full-width letters
//! folded), lower case, accents removed (`Müller` → `muller`, `ß` → `ss`,
//! `Ø` → `o`, `Æ` → `ae`, `Ł` → `l`), each Chinese character replaced by
//! its pinyin (`张伟` → `zhang wei`); everything else (digits, punctuation,
//! other scripts) separates words. Only the first [`MAX_PHONETIC_LETTERS`]
//! letters are encoded (the codes are 4 characters; this bounds the time
//! spent on hostile input). `None` when no letter is left.
//!
//! The whole input is encoded as one name, as the classic functions do:
//! `soundex('John Smith')` is the code of `JOHNSMITH`.

use rphonetic::{DoubleMetaphone, Encoder, Metaphone, Soundex};

use super::pinyin::syllable;

/// Letters of the input that are encoded; see the module documentation.
pub const MAX_PHONETIC_LETTERS: usize = 255;

/// Appends the lower-case ASCII form of the letter `c` (already lower case)
/// to `out`: itself when ASCII, its base letter when it carries accents,
/// a conventional spelling for the Latin letters without decomposition.
/// Returns false (and appends nothing) when `c` has no ASCII form.
pub(super) fn fold_ascii(c: char, out: &mut String) -> bool {
    if c.is_ascii() {
        out.push(c);
        return true;
    }
    let special = match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'đ' | 'ð' => "d",
        'ł' => "l",
        'þ' => "th",
        'ı' => "i",
        'ŀ' => "l",
        'ħ' => "h",
        'ŧ' => "t",
        'ŋ' => "n",
        _ => "",
    };
    if !special.is_empty() {
        out.push_str(special);
        return true;
    }
    let mut base = None;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if base.is_none() && d.is_ascii_alphabetic() {
            base = Some(d);
        }
    });
    match base {
        Some(b) => {
            out.push(b);
            true
        }
        None => false,
    }
}

/// The input as upper-case ASCII letters and single spaces (see the module
/// documentation); `None` when it has no letter.
fn letters(input: &str) -> Option<String> {
    let cleaned = crate::text::clean_cow(input);
    let mut out = String::new();
    let mut count = 0;
    let mut space = false;
    let push_word = |w: &str, out: &mut String, space: &mut bool, count: &mut usize| {
        for b in w.bytes() {
            if *count >= MAX_PHONETIC_LETTERS {
                return;
            }
            if b.is_ascii_alphabetic() {
                if *space && !out.is_empty() {
                    out.push(' ');
                }
                *space = false;
                out.push(char::from(b.to_ascii_uppercase()));
                *count += 1;
            } else {
                *space = true;
            }
        }
    };
    let mut buf = String::new();
    for c in cleaned.chars() {
        if count >= MAX_PHONETIC_LETTERS {
            break;
        }
        buf.clear();
        if let Some(py) = syllable(c) {
            space = true;
            push_word(py, &mut out, &mut space, &mut count);
            space = true;
            continue;
        }
        let mut any = false;
        for l in c.to_lowercase() {
            any |= l.is_alphabetic() && fold_ascii(l, &mut buf);
        }
        if any {
            push_word(&buf, &mut out, &mut space, &mut count);
        } else if !unicode_normalization::char::is_combining_mark(c) {
            space = true;
        }
    }
    // (ü of pinyin has no ASCII form and was dropped above: lü → LU.)
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// American Soundex code (`Robert` → `R163`); `None` without letters.
pub fn soundex(input: &str) -> Option<String> {
    let l = letters(input)?;
    Some(Soundex::default().encode(&l))
}

/// Metaphone code of at most 4 characters (`Thompson` → `TMSN`); `None`
/// without letters.
pub fn metaphone(input: &str) -> Option<String> {
    let l = letters(input)?.replace(' ', "");
    let code = Metaphone::default().encode(&l);
    if code.is_empty() {
        None
    } else {
        Some(code)
    }
}

/// Double Metaphone (primary, alternate) codes of at most 4 characters
/// (`Schmidt` → (`XMT`, `SMT`)); `None` without letters or when the
/// letters give no code.
pub fn double_metaphone(input: &str) -> Option<(String, String)> {
    let l = letters(input)?.replace(' ', "");
    let r = DoubleMetaphone::default().double_metaphone(&l);
    let (p, a) = (r.primary(), r.alternate());
    if p.is_empty() {
        None
    } else {
        Some((p, a))
    }
}

/// Double Metaphone primary code of one lower-case ASCII word, for keys.
pub(super) fn dm_primary(word: &str) -> String {
    DoubleMetaphone::default().double_metaphone(word).primary()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dm(s: &str) -> Option<(String, String)> {
        double_metaphone(s)
    }
    fn pair(p: &str, a: &str) -> Option<(String, String)> {
        Some((p.into(), a.into()))
    }

    #[test]
    fn soundex_values() {
        for (input, code) in [
            ("Robert", "R163"),
            ("Rupert", "R163"),
            ("Ashcraft", "A261"),
            ("Tymczak", "T522"),
            ("Pfister", "P236"),
            ("Lee", "L000"),
            ("Müller", "M460"),
            ("ＭＵＬＬＥＲ", "M460"),
            ("O'Brien", "O165"),
            ("张伟", "Z520"),
            ("Straße", "S362"),
        ] {
            assert_eq!(soundex(input).as_deref(), Some(code), "{input}");
        }
        assert_eq!(soundex(""), None);
        assert_eq!(soundex("123 !!"), None);
        assert_eq!(soundex("Иван"), None);
        assert_eq!(soundex("😀"), None);
    }

    #[test]
    fn metaphone_values() {
        // Values of commons-codec's algorithms (TH is "0", theta).
        assert_eq!(metaphone("Thompson").as_deref(), Some("0MPS"));
        assert_eq!(metaphone("Knight").as_deref(), Some("NT"));
        assert_eq!(metaphone("Smith").as_deref(), Some("SM0"));
        assert_eq!(metaphone("Schmidt").as_deref(), Some("SKMT"));
        assert_eq!(metaphone("José").as_deref(), Some("JS"));
        assert_eq!(metaphone("John Smith").as_deref(), Some("JNSM"));
        assert_eq!(metaphone("Catherine"), metaphone("Kathryn"));
        assert_eq!(metaphone("Zhang"), metaphone("张"));
        assert_eq!(metaphone(""), None);
        assert_eq!(metaphone("h").as_deref(), Some("H"));
    }

    #[test]
    fn double_metaphone_values() {
        assert_eq!(dm("Schmidt"), pair("XMT", "SMT"));
        assert_eq!(dm("Smith"), pair("SM0", "XMT"));
        assert_eq!(dm("Thompson"), pair("TMPS", "TMPS"));
        assert_eq!(dm("Catherine"), pair("K0RN", "KTRN"));
        assert_eq!(dm("Kathryn"), pair("K0RN", "KTRN"));
        assert_eq!(dm("Xavier"), pair("SF", "SFR"));
        assert_eq!(dm("Zhang"), pair("JNK", "JNK"));
        assert_eq!(dm("张"), dm("Zhang"));
        assert_eq!(dm("Jose"), pair("HS", "HS"));
        assert_eq!(dm("Müller"), dm("Muller"));
        assert_eq!(dm(""), None);
        assert_eq!(dm("---"), None);
    }

    #[test]
    fn hostile_input_is_cheap() {
        let t = std::time::Instant::now();
        let long = "hb".repeat(1 << 19);
        assert!(metaphone(&long).is_some());
        assert!(double_metaphone(&long).is_some());
        assert_eq!(soundex(&long).as_deref(), Some("H100"));
        assert!(t.elapsed().as_secs() < 5);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            for code in [soundex(&s), metaphone(&s), double_metaphone(&s).map(|p| p.0)].into_iter().flatten() {
                prop_assert!(!code.is_empty() && code.len() <= 4 && code.is_ascii(), "{:?}", code);
            }
        }
    }
}
