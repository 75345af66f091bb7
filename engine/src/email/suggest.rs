//! Typo suggestions for the domains of common mail providers.
//!
//! Only domains of well-known providers (international and Chinese) are
//! ever suggested, and only for edits that are far more likely to be slips
//! of the finger than another real domain:
//!
//! - a known TLD typo after the exact provider name (`qq.con`, `163.cm`,
//!   `gmail.co`, `yeah.nett`). For three-letter TLDs any single edit
//!   (Damerau–Levenshtein distance 1); for two-letter TLDs (`de`, `ru`, `me`,
//!   `cn`) only a swap or a doubled letter, because every other one-letter
//!   change is another country's real TLD (`gmx.at`, `gmx.ch` are GMX's);
//! - a misspelt provider name before the exact (or typo'd) TLD: distance 1
//!   for names of 5–8 letters (`gmial`, `yaho`, `hotmial`), 2 from 9
//!   letters (`protonmail`, `googlemail`), only a swap of two adjacent
//!   letters for 4-letter names (`sian` → `sina`, but not `love` → `live`),
//!   and never for names of up to 3 characters or digits (`me`, `qq`, `gmx`,
//!   `126` vs `163`), where one edit lands on another real domain;
//! - a comma or semicolon typed for the dot (`gmail,com`), a missing dot
//!   (`gmailcom`), or a bare provider name (`qq`).
//!
//! Domains in [`KNOWN`] (the providers plus real look-alikes such as
//! `mail.com`, `ymail.com`, `live.cn`, `gmx.at`) are never corrected, and a
//! candidate equally close to two providers (`fotmail` between `hotmail`
//! and `foxmail`) gives no suggestion.

use strsim::damerau_levenshtein;

/// Providers whose typos are corrected.
const PROVIDERS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "protonmail.com",
    "proton.me",
    "gmx.de",
    "gmx.net",
    "web.de",
    "mail.ru",
    "yandex.ru",
    "qq.com",
    "163.com",
    "126.com",
    "yeah.net",
    "sina.com",
    "sina.cn",
    "sohu.com",
    "foxmail.com",
    "aliyun.com",
    "139.com",
];

/// Real domains one edit away from a provider's: never "corrected".
const LOOK_ALIKES: &[&str] = &[
    "mail.com",
    "email.com",
    "ymail.com",
    "cloud.com",
    "gmx.com",
    "gmx.at",
    "gmx.ch",
    "gmx.fr",
    "gmx.us",
    "live.cn",
    "live.de",
    "live.ru",
    "yandex.com",
    "proton.ch",
    "protonmail.ch",
    "pm.me",
    "mac.com",
    "sohu.net",
    "sina.net",
    "188.com",
    "189.cn",
    "tom.com",
    "21cn.com",
];

/// Whether `domain` is a provider's or a known real look-alike.
fn known(domain: &str) -> bool {
    PROVIDERS.contains(&domain) || LOOK_ALIKES.contains(&domain)
}

/// Longest domain worth comparing; longer ones cannot be within the edit
/// thresholds of any provider, and skipping them bounds the work.
const MAX_CANDIDATE: usize = 32;

/// The provider domain `domain` (folded: lower case, dots normalized) is a
/// likely typo of, if any.
pub(super) fn domain(domain: &str) -> Option<String> {
    if domain.chars().count() > MAX_CANDIDATE {
        return None;
    }
    // A provider's domain spelled right, the common case: nothing to
    // suggest, and no need to build the repaired copy below.
    if !domain.contains([' ', ',', ';']) && known(domain) {
        return None;
    }
    let repaired: String =
        domain.chars().filter(|c| *c != ' ').map(|c| if matches!(c, ',' | ';') { '.' } else { c }).collect();
    if known(&repaired) {
        return (repaired != domain).then_some(repaired);
    }
    match repaired.rsplit_once('.') {
        Some((name, tld)) => closest(name, tld),
        None => without_dot(&repaired),
    }
}

/// `gmailcom` → `gmail.com`, `mailcom` → `mail.com`; a bare provider name
/// (`qq`, `hotmail`) → the provider, when no other provider or look-alike
/// has that name (not `gmx`, `sina`, `mail`, `live`).
fn without_dot(domain: &str) -> Option<String> {
    let mut found: Option<&str> = None;
    for p in PROVIDERS.iter().chain(LOOK_ALIKES) {
        let Some((name, tld)) = p.split_once('.') else {
            continue;
        };
        let Some(rest) = domain.strip_prefix(name) else {
            continue;
        };
        if rest == tld || rest.is_empty() {
            if found.is_some() {
                return None;
            }
            found = Some(p);
        }
    }
    let p = found?;
    // A bare name is only a guess; only a provider's is worth making.
    (domain.len() > p.split_once('.').map_or(0, |(n, _)| n.len()) || PROVIDERS.contains(&p)).then(|| p.to_string())
}

/// The single nearest provider within the thresholds, as described in the
/// module documentation.
fn closest(name: &str, tld: &str) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    let mut tie = false;
    for p in PROVIDERS {
        let Some((p_name, p_tld)) = p.split_once('.') else {
            continue;
        };
        let Some(tld_cost) = tld_distance(tld, p_tld) else {
            continue;
        };
        let Some(name_cost) = name_distance(name, p_name) else {
            continue;
        };
        // Two independent slips only in names long enough to be recognized.
        if name_cost > 0 && tld_cost > 0 && p_name.chars().count() < 5 {
            continue;
        }
        let cost = name_cost + tld_cost;
        if cost == 0 {
            return None;
        }
        match best {
            Some((c, _)) if c < cost => {}
            Some((c, _)) if c == cost => tie = true,
            _ => {
                best = Some((cost, p));
                tie = false;
            }
        }
    }
    if tie {
        return None;
    }
    best.map(|(_, p)| p.to_string())
}

/// 0 for the same TLD, 1 for an accepted typo of `p_tld`, `None` otherwise.
fn tld_distance(tld: &str, p_tld: &str) -> Option<usize> {
    if tld == p_tld {
        return Some(0);
    }
    if !tld.bytes().all(|b| b.is_ascii_alphanumeric()) || tld.len() > p_tld.len() + 1 {
        return None;
    }
    if !one_edit_apart(tld, p_tld) {
        return None;
    }
    if p_tld.len() >= 3 {
        return (tld.len() >= 2).then_some(1);
    }
    (is_swap(tld, p_tld) || is_doubled(tld, p_tld)).then_some(1)
}

/// 0 for the same name, the edit distance when within the thresholds for
/// the provider name's length, `None` otherwise.
fn name_distance(name: &str, p_name: &str) -> Option<usize> {
    if name == p_name {
        return Some(0);
    }
    let len = p_name.chars().count();
    if len <= 3 || p_name.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let max = if len >= 9 { 2 } else { 1 };
    if name.chars().count().abs_diff(len) > max {
        return None;
    }
    if len == 4 {
        return is_swap(name, p_name).then_some(1);
    }
    if max == 1 {
        return one_edit_apart(name, p_name).then_some(1);
    }
    let d = damerau_levenshtein(name, p_name);
    (d <= max).then_some(d)
}

/// Whether the Damerau–Levenshtein distance of `a` and `b` is exactly 1:
/// they differ by one inserted, deleted or replaced character, or by two
/// adjacent characters swapped. Asked of the TLD and name of every
/// provider for each unknown domain (`comcast.net`); strsim's general
/// distance builds a hash map and a matrix per call.
fn one_edit_apart(a: &str, b: &str) -> bool {
    if !(a.is_ascii() && b.is_ascii()) {
        return damerau_levenshtein(a, b) == 1;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return false;
    }
    // The one edit can be taken at the first difference: a swap or a
    // replacement elsewhere would leave it, and an insertion or deletion
    // earlier in a run of equal characters is the same as one there.
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[same..], &b[same..]);
    match (a.len(), b.len()) {
        (n, m) if n == m => a[1..] == b[1..] || (n >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..]),
        (n, m) if n == m + 1 => a[1..] == *b,
        (n, m) if m == n + 1 => *a == b[1..],
        _ => false,
    }
}

/// `a` is `b` with two adjacent characters swapped.
fn is_swap(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    diff.len() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
}

/// `a` is `b` with one character typed twice.
fn is_doubled(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    (1..a.len()).any(|i| {
        a[i] == a[i - 1] && {
            let mut shorter = a.clone();
            shorter.remove(i);
            shorter.iter().copied().eq(b.chars())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        let s = |d| domain(d);
        assert_eq!(s("gmial.com").as_deref(), Some("gmail.com"));
        assert_eq!(s("hotmial.com").as_deref(), Some("hotmail.com"));
        assert_eq!(s("yaho.com").as_deref(), Some("yahoo.com"));
        assert_eq!(s("qq.con").as_deref(), Some("qq.com"));
        assert_eq!(s("gmail.co").as_deref(), Some("gmail.com"));
        assert_eq!(s("163.cm").as_deref(), Some("163.com"));
        assert_eq!(s("gmail,com").as_deref(), Some("gmail.com"));
        assert_eq!(s("gmail;com").as_deref(), Some("gmail.com"));
        assert_eq!(s("gmail. com").as_deref(), Some("gmail.com"));
        assert_eq!(s("gmx.ed").as_deref(), Some("gmx.de"));
        assert_eq!(s("gmx.dee").as_deref(), Some("gmx.de"));
        assert_eq!(s("mail.ur").as_deref(), Some("mail.ru"));
        assert_eq!(s("sina.con").as_deref(), Some("sina.com"));
        assert_eq!(s("proton.em").as_deref(), Some("proton.me"));
        assert_eq!(s("hotmailcom").as_deref(), Some("hotmail.com"));
        assert_eq!(s("163").as_deref(), Some("163.com"));
        assert_eq!(s("qq").as_deref(), Some("qq.com"));
        assert_eq!(s("mailcom").as_deref(), Some("mail.com"));
        assert_eq!(s("sina.co").as_deref(), Some("sina.com"));
    }

    #[test]
    fn negatives() {
        for d in [
            "gmail.com",
            "gmx.de",
            "gmx.net",
            "gmx.at",
            "gmx.dk",
            "me.com",
            "mail.com",
            "live.cn",
            "126.com",
            "163.com",
            "136.com",
            "sina.com",
            "sina.cn",
            "gmx",
            "sina",
            "mail",
            "live",
            "ymail",
            "live.ca",
            "example.com",
            "example.con",
            "foo.cm",
            "love.com",
            "lime.com",
            "fotmail.com",
            "qq.cn",
            "gmail.cn",
            "hotmail.fr",
            "hotmail.co.uk",
            "outlook.de",
            "web.be",
            "mail.rus",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
            "",
            ".",
            "gmail.",
        ] {
            assert_eq!(domain(d), None, "{d}");
        }
    }

    #[test]
    fn one_edit_apart_is_distance_one() {
        let words = [
            "", "a", "b", "ab", "ba", "abc", "acb", "bac", "abd", "abcd", "com", "con", "cm", "comm", "ocm", "net",
            "de", "ed", "dee", "gmail", "gmial", "gmai", "gmaill", "gamil", "hotmail", "hotmial", "é", "éa",
        ];
        for a in words {
            for b in words {
                assert_eq!(one_edit_apart(a, b), damerau_levenshtein(a, b) == 1, "{a} {b}");
            }
        }
    }

    #[test]
    fn helpers() {
        assert!(is_swap("ed", "de"));
        assert!(!is_swap("de", "de"));
        assert!(!is_swap("abc", "cba"));
        assert!(is_doubled("dee", "de"));
        assert!(!is_doubled("dex", "de"));
        for p in PROVIDERS {
            assert!(!LOOK_ALIKES.contains(p), "{p}");
            assert_eq!(p.matches('.').count(), 1, "{p}");
        }
    }
}
