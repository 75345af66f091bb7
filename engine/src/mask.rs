//! Masking of personal data for readers who may see that a value exists
//! and roughly what it is, but not the value: `+86138****5678`,
//! `z***@example.com`, `110105********0017`, `张*`, `J*** S****`.
//!
//! Written by hand: masking is a few string rules, and the crates that do
//! it mask by fixed positions without knowing phone numbers or names.
//! Every function keeps at most what the docs list and never reveals the
//! length of what it hides where that would identify (e-mail local parts).

use crate::text::clean_cow;

/// `+86138****5678`: the country code and the first three digits of the
/// national number, the last four digits; every other digit is `*`.
/// Numbers not written with `+` keep the same shape over their digits.
/// Short numbers show less (7–9 digits: two first, two last; 5–6: the last
/// two; up to 4: nothing). Characters other than digits are dropped from
/// `+` numbers and kept elsewhere; digits of other scripts are `*`.
pub fn mask_phone(input: &str) -> Option<String> {
    let text = clean_cow(input);
    let text = text.trim();
    if text.is_empty() || !text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some(rest) = text.strip_prefix('+') {
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        let cc_len = country_code_len(&digits)?;
        let (cc, national) = digits.split_at(cc_len);
        return Some(format!("+{cc}{}", mask_digits(national)));
    }
    // Same shape: mask the digits in place.
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let masked = mask_digits(&digits);
    let mut masked = masked.chars();
    // Digits of other scripts (Arabic-Indic `١٣٨`, Devanagari, …) are not
    // the number's ASCII digits but digits all the same: always `*`. Kept
    // as "other characters" they showed the whole number.
    Some(
        text.chars()
            .map(|c| match c {
                _ if c.is_ascii_digit() => masked.next().unwrap_or('*'),
                _ if c.is_numeric() => '*',
                _ => c,
            })
            .collect(),
    )
}

/// The length of the country calling code `digits` starts with, per the
/// assignments libphonenumber knows (codes are prefix-free); None when
/// there is none.
fn country_code_len(digits: &str) -> Option<usize> {
    (1..=3).find(|&n| {
        digits.len() > n
            && digits[..n]
                .parse::<i32>()
                .is_ok_and(|cc| rlibphonenumber::PHONE_NUMBER_UTIL.get_region_for_country_code(cc).is_some())
    })
}

/// Digits with the middle replaced by `*` (see [`mask_phone`]).
fn mask_digits(digits: &str) -> String {
    let n = digits.len();
    let (head, tail) = match n {
        10.. => (3, 4),
        7..=9 => (2, 2),
        5..=6 => (0, 2),
        _ => (0, 0),
    };
    digits.char_indices().map(|(i, c)| if i < head || i >= n - tail { c } else { '*' }).collect()
}

/// `z***@example.com`: the first character of the local part, three `*`
/// whatever its length, the domain. None when there is no `@` with
/// something on both sides.
pub fn mask_email(input: &str) -> Option<String> {
    let text = clean_cow(input);
    let (local, domain) = text.trim().rsplit_once('@')?;
    let first = local.chars().next()?;
    if domain.is_empty() {
        return None;
    }
    Some(format!("{first}***@{domain}"))
}

/// `110105********0017`: the first six characters (the region) and the
/// last four of an 18- or 15-character ID; other values keep their last
/// four characters when longer than eight, else nothing. Full-width
/// characters are folded first.
pub fn mask_cn_id(input: &str) -> Option<String> {
    let text = clean_cow(input);
    let chars: Vec<char> = text.trim().chars().filter(|c| !c.is_whitespace()).collect();
    let n = chars.len();
    if n == 0 {
        return None;
    }
    let (head, tail) = match n {
        15 | 18 => (6, 4),
        9.. => (0, 4),
        _ => (0, 0),
    };
    Some(chars.iter().enumerate().map(|(i, &c)| if i < head || i >= n - tail { c } else { '*' }).collect())
}

/// `张*`, `J*** S****`: the first character of each word, every other
/// letter `*`; a Chinese name (one word) keeps its first character, the
/// family name.
pub fn mask_name(input: &str) -> Option<String> {
    let text = clean_cow(input);
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().unwrap_or_default();
            std::iter::once(first).chain(chars.map(|c| if c.is_alphanumeric() { '*' } else { c })).collect()
        })
        .collect();
    if words.is_empty() {
        None
    } else {
        Some(words.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn phones() {
        assert_eq!(mask_phone("+8613812345678"), s("+86138****5678"));
        assert_eq!(mask_phone("+86 138 1234 5678"), s("+86138****5678"));
        assert_eq!(mask_phone("+1 (415) 555-2671"), s("+1415***2671"));
        assert_eq!(mask_phone("+44 20 7946 0958"), s("+44207***0958"));
        assert_eq!(mask_phone("138-1234-5678"), s("138-****-5678"));
        assert_eq!(mask_phone("1234567"), s("12***67"));
        assert_eq!(mask_phone("12345"), s("***45"));
        assert_eq!(mask_phone("110"), s("***"));
        // full-width digits are folded first
        assert_eq!(mask_phone("１３８１２３４５６７８"), s("138****5678"));
        assert_eq!(mask_phone("+999 123"), None);
        assert_eq!(mask_phone("call me"), None);
        assert_eq!(mask_phone("   "), None);
    }

    #[test]
    fn emails() {
        assert_eq!(mask_email("zhang@example.com"), s("z***@example.com"));
        assert_eq!(mask_email(" a@b.cn "), s("a***@b.cn"));
        assert_eq!(mask_email("张伟@例子.中国"), s("张***@例子.中国"));
        assert_eq!(mask_email("no-at-sign"), None);
        assert_eq!(mask_email("@example.com"), None);
        assert_eq!(mask_email("zhang@"), None);
    }

    #[test]
    fn ids() {
        assert_eq!(mask_cn_id("110105198503120017"), s("110105********0017"));
        assert_eq!(mask_cn_id("11010519850312001x"), s("110105********001x"));
        assert_eq!(mask_cn_id("１１０１０５８５０３１２００１"), s("110105*****2001"));
        assert_eq!(mask_cn_id("453-36-4752"), s("*******4752"));
        assert_eq!(mask_cn_id("A1234"), s("*****"));
        assert_eq!(mask_cn_id(""), None);
    }

    #[test]
    fn names() {
        assert_eq!(mask_name("张伟"), s("张*"));
        assert_eq!(mask_name("欧阳娜娜"), s("欧***"));
        assert_eq!(mask_name("John Smith"), s("J*** S****"));
        assert_eq!(mask_name("  Mary-Ann   O'Neil "), s("M***-*** O'****"));
        assert_eq!(mask_name("Ｊｏｈｎ"), s("J***"));
        assert_eq!(mask_name(" "), None);
    }

    // ---- properties ----

    use proptest::prelude::*;

    /// The digits [`mask_phone`] shows of a number of `n` digits, as
    /// documented: (first, last).
    fn shown(n: usize) -> (usize, usize) {
        match n {
            10.. => (3, 4),
            7..=9 => (2, 2),
            5..=6 => (0, 2),
            _ => (0, 0),
        }
    }

    /// Phone-like text: digits (ASCII, full-width, other scripts'),
    /// separators, a leading `+`; and arbitrary text.
    fn phone_text() -> impl Strategy<Value = String> {
        prop_oneof!["[+＋]?[0-9０-９ \\-().]{0,24}", "\\+?[0-9]{1,4}[ \\-]?[0-9٠-٩०-९ \\-]{0,16}", "(?s).{0,40}",]
    }

    proptest! {
        #[test]
        fn phones_keep_their_shape_and_only_the_documented_digits(s in phone_text()) {
            let got = mask_phone(&s);
            let clean = clean_cow(&s);
            let text = clean.trim();
            if !text.chars().any(|c| c.is_ascii_digit()) {
                prop_assert_eq!(got, None);
                return Ok(());
            }
            if let Some(rest) = text.strip_prefix('+') {
                let digits: Vec<char> = rest.chars().filter(char::is_ascii_digit).collect();
                // the country code: the (prefix-free) calling code libphonenumber knows
                let cc = (1..=3).find(|&k| {
                    digits.len() > k
                        && digits[..k].iter().collect::<String>().parse::<i32>().is_ok_and(|cc| {
                            rlibphonenumber::PHONE_NUMBER_UTIL.get_region_for_country_code(cc).is_some()
                        })
                });
                let Some(k) = cc else {
                    prop_assert_eq!(got, None);
                    return Ok(());
                };
                let got = got.unwrap();
                let body: Vec<char> = got.strip_prefix('+').unwrap().chars().collect();
                prop_assert_eq!(body.len(), digits.len(), "{}", got);
                let n = digits.len() - k;
                let (head, tail) = shown(n);
                for (i, (&d, &m)) in digits.iter().zip(&body).enumerate() {
                    let keep = i < k || i - k < head || i - k >= n - tail;
                    prop_assert_eq!(m, if keep { d } else { '*' }, "{} at {}", got, i);
                }
            } else {
                let got = got.unwrap();
                let (t, m): (Vec<char>, Vec<char>) = (text.chars().collect(), got.chars().collect());
                prop_assert_eq!(t.len(), m.len(), "{}", got);
                let n = t.iter().filter(|c| c.is_ascii_digit()).count();
                let (head, tail) = shown(n);
                let mut k = 0;
                for (&a, &b) in t.iter().zip(&m) {
                    if a.is_ascii_digit() {
                        prop_assert_eq!(b, if k < head || k >= n - tail { a } else { '*' }, "{}", got);
                        k += 1;
                    } else if a.is_numeric() {
                        // a digit of another script is a digit too
                        prop_assert_eq!(b, '*', "{}", got);
                    } else {
                        prop_assert_eq!(b, a, "{}", got);
                    }
                }
                // nothing numeric shows but the documented digits
                prop_assert_eq!(m.iter().filter(|c| c.is_numeric()).count(), head + tail, "{}", got);
            }
        }

        #[test]
        fn emails_show_the_first_character_and_the_domain(s in "(?s).{0,40}|[a-zA-Z0-9 ._+\u{3000}@＠]{0,30}") {
            let clean = clean_cow(&s);
            let want = clean
                .trim()
                .rsplit_once('@')
                .and_then(|(local, domain)| Some(format!("{}***@{domain}", local.chars().next()?)).filter(|_| !domain.is_empty()));
            prop_assert_eq!(mask_email(&s), want);
        }

        /// The local part's length never shows.
        #[test]
        fn emails_hide_the_local_part_length(
            first in "[a-zA-Z0-9张]", a in "[a-z0-9._+]{0,30}", b in "[a-z0-9._+]{0,30}", domain in "[a-z]{1,10}\\.[a-z]{2,3}"
        ) {
            let x = mask_email(&format!("{first}{a}@{domain}"));
            prop_assert_eq!(&x, &mask_email(&format!("{first}{b}@{domain}")));
            prop_assert_eq!(x, Some(format!("{first}***@{domain}")));
        }

        #[test]
        fn ids_keep_their_length_the_region_and_the_last_four(s in "[0-9０-９xX \\-]{0,20}|(?s).{0,30}") {
            let chars: Vec<char> = clean_cow(&s).chars().filter(|c| !c.is_whitespace()).collect();
            let got = mask_cn_id(&s);
            if chars.is_empty() {
                prop_assert_eq!(got, None);
                return Ok(());
            }
            let got: Vec<char> = got.unwrap().chars().collect();
            let n = chars.len();
            prop_assert_eq!(got.len(), n);
            let (head, tail) = match n {
                15 | 18 => (6, 4),
                9.. => (0, 4),
                _ => (0, 0),
            };
            for (i, (&c, &m)) in chars.iter().zip(&got).enumerate() {
                prop_assert_eq!(m, if i < head || i >= n - tail { c } else { '*' });
            }
        }

        #[test]
        fn names_keep_the_first_character_of_each_word(s in "(?s).{0,40}|[A-Za-z张伟欧阳'\\- \u{3000}Ｊ]{0,30}") {
            let clean = clean_cow(&s);
            let words: Vec<&str> = clean.split_whitespace().collect();
            let got = mask_name(&s);
            if words.is_empty() {
                prop_assert_eq!(got, None);
                return Ok(());
            }
            let got = got.unwrap();
            let masked: Vec<&str> = got.split(' ').collect();
            prop_assert_eq!(masked.len(), words.len(), "{}", got);
            for (w, m) in words.iter().zip(&masked) {
                let (w, m): (Vec<char>, Vec<char>) = (w.chars().collect(), m.chars().collect());
                prop_assert_eq!(w.len(), m.len());
                prop_assert_eq!(w[0], m[0]);
                for (&a, &b) in w.iter().zip(&m).skip(1) {
                    prop_assert_eq!(b, if a.is_alphanumeric() { '*' } else { a });
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(8))]

        /// Long hostile values: total, and the ID keeps its length.
        #[test]
        fn long_values(s in "(?s).{2000,20000}|[0-9 +\\-]{2000,20000}") {
            let _ = mask_phone(&s);
            let _ = mask_email(&s);
            let _ = mask_name(&s);
            let n = clean_cow(&s).chars().filter(|c| !c.is_whitespace()).count();
            prop_assert_eq!(mask_cn_id(&s).map_or(0, |m| m.chars().count()), n);
        }
    }

    #[test]
    fn digits_of_other_scripts_are_masked() {
        // Arabic-Indic digits after an ASCII one used to be copied as
        // "other characters", showing the whole number.
        assert_eq!(mask_phone("0 ١٣٨١٢٣٤٥٦٧٨"), s("* ***********"));
    }
}
