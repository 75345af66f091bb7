//! E-mail addresses: the normalized form, the key used for matching, and
//! validation with problems and typo suggestions ([`email_check`]).
//!
//! `normalize_email` is deliberately conservative: it only removes what can
//! never be part of the address (surrounding spaces, invisible characters,
//! full-width forms, a `mailto:` prefix or `<…>` wrapper, a trailing dot of
//! the domain) and lower-cases it. Full validation (TLD exists, IDNA, typo
//! suggestions) is `email_check`'s job; see the `check` submodule for its
//! rules and problem codes.
//!
//! Lower-casing the local part is, strictly, a change: RFC 5321 lets a
//! server treat local parts case-sensitively. No public provider does, and
//! customer data typed by hand is full of `John.Smith@…`, so the product folds
//! case; the original value stays in the customer's row history.

mod check;
mod suggest;

pub use check::{
    codes, email_check, is_disposable_domain, is_iana_tld, is_valid_email, EmailCheck, EmailCheckOptions, Problem,
};

use std::borrow::Cow;

use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

/// RFC 5321 limits: 64 octets for the local part, 254 for the path.
const MAX_LOCAL: usize = 64;
const MAX_ADDRESS: usize = 254;
/// RFC 1035 limits, counted on the ASCII (A-label) form of the domain.
const MAX_LABEL: usize = 63;
const MAX_DOMAIN: usize = 253;

/// The normalized address, or `None` when `input` is not an e-mail address.
pub fn normalize_email(input: &str) -> Option<String> {
    let s = unwrap(input)?;
    let (local, domain) = s.rsplit_once('@')?;
    let domain = fold_domain(domain);
    // The address is written in one buffer, the local part first.
    let mut address = String::with_capacity(local.len() + 1 + domain.len());
    if local.is_ascii() {
        // (fold_local, without its copy)
        address.extend(local.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        address.push_str(&fold_local(local));
    }
    if !valid_local(&address) || !valid_domain(&domain) {
        return None;
    }
    address.push('@');
    address.push_str(&domain);
    (address.len() <= MAX_ADDRESS).then_some(address)
}

/// The clean-up shared by `normalize_email` and `email_check`: text
/// clean-up, then a `mailto:` prefix and a `<…>` wrapper removed. `None`
/// only for input over the field limit. Borrowed from `input` when the
/// clean-up changes nothing, as for nearly every address.
fn unwrap(input: &str) -> Option<Cow<'_, str>> {
    if input.len() > crate::MAX_FIELD_BYTES {
        return None;
    }
    Some(match crate::text::clean_cow(input) {
        Cow::Borrowed(cleaned) => Cow::Borrowed(unwrapped(cleaned)),
        Cow::Owned(cleaned) => Cow::Owned(unwrapped(&cleaned).to_string()),
    })
}

/// `s` without a `mailto:` prefix and a `<…>` wrapper.
fn unwrapped(mut s: &str) -> &str {
    if let Some(rest) = strip_prefix_ignore_case(s, "mailto:") {
        s = rest.trim_start();
    }
    if let Some(inner) = s.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
        s = inner.trim();
    }
    s
}

fn fold_local(local: &str) -> String {
    local.to_lowercase()
}

/// Lower case, ideographic and full-width full stops as dots (they are dots
/// in domain names, UTS 46), and the root's trailing dot dropped.
fn fold_domain(domain: &str) -> String {
    if domain.is_ascii() {
        // (no full-width stops in ASCII, and its lower case is one copy)
        let mut domain = domain.to_ascii_lowercase();
        if domain.ends_with('.') {
            domain.pop();
        }
        return domain;
    }
    let mut domain: String =
        domain.chars().map(|c| if matches!(c, '。' | '｡' | '．') { '.' } else { c }).collect::<String>().to_lowercase();
    if domain.ends_with('.') {
        domain.pop();
    }
    domain
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// RFC 5322 `atext` plus any non-ASCII character that is not a space or a
/// control (RFC 6531 `UTF8-non-ascii`).
fn local_char_ok(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '!' | '#'
                | '$'
                | '%'
                | '&'
                | '\''
                | '*'
                | '+'
                | '-'
                | '/'
                | '='
                | '?'
                | '^'
                | '_'
                | '`'
                | '{'
                | '|'
                | '}'
                | '~'
                | '.'
        )
        || (!c.is_ascii() && !c.is_whitespace() && !c.is_control())
}

/// Letters, digits and hyphens; for internationalized labels also combining
/// marks, which scripts such as Devanagari and Tamil need (the IANA TLDs
/// `भारतम्` and `இந்தியா` contain viramas, which are marks but not letters).
fn domain_char_ok(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c))
}

/// Length of a label as DNS sees it: in octets of its A-label (`xn--…`)
/// form, which is what the 63-octet limit applies to (RFC 5890 §2.3.2.1);
/// a label IDNA cannot convert is measured in UTF-8 octets.
fn label_octets(label: &str) -> usize {
    if label.is_ascii() {
        return label.len();
    }
    Uts46::new()
        .to_ascii(label.as_bytes(), AsciiDenyList::STD3, Hyphens::Allow, DnsLength::Ignore)
        .map_or(label.len(), |a| a.len())
}

/// Dot-atom local part (RFC 5322 §3.2.3) plus UTF-8 (RFC 6531). Quoted
/// local parts are not accepted: they do not occur in customer data and
/// most systems downstream cannot send to them.
fn valid_local(local: &str) -> bool {
    !local.is_empty()
        && local.len() <= MAX_LOCAL
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(local_char_ok)
}

/// Host name with at least two labels; labels of letters, digits and
/// hyphens (Unicode letters and marks allowed for internationalized
/// domains), not starting or ending with a hyphen, at most 63 octets in
/// A-label form; the top-level label is not all digits.
fn valid_domain(domain: &str) -> bool {
    if domain.len() > MAX_DOMAIN {
        return false;
    }
    let (mut labels, mut tld) = (0usize, "");
    for l in domain.split('.') {
        let label_ok = !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(domain_char_ok)
            && label_octets(l) <= MAX_LABEL;
        if !label_ok {
            return false;
        }
        labels += 1;
        tld = l;
    }
    labels >= 2 && !tld.chars().all(|c| c.is_ascii_digit())
}

/// Providers whose mailboxes ignore `+tag` suffixes, and for Gmail dots too.
/// Domain aliases that reach the same mailbox are folded to one name.
struct Provider {
    domains: &'static [&'static str],
    canonical: &'static str,
    ignores_dots: bool,
    tag_separator: Option<char>,
}

const PROVIDERS: &[Provider] = &[
    Provider {
        domains: &["gmail.com", "googlemail.com"],
        canonical: "gmail.com",
        ignores_dots: true,
        tag_separator: Some('+'),
    },
    Provider {
        domains: &["icloud.com", "me.com", "mac.com"],
        canonical: "icloud.com",
        ignores_dots: false,
        tag_separator: Some('+'),
    },
    Provider {
        domains: &["protonmail.com", "protonmail.ch", "proton.me", "pm.me"],
        canonical: "proton.me",
        ignores_dots: false,
        tag_separator: Some('+'),
    },
    Provider { domains: &["outlook.com"], canonical: "outlook.com", ignores_dots: false, tag_separator: Some('+') },
    Provider { domains: &["hotmail.com"], canonical: "hotmail.com", ignores_dots: false, tag_separator: Some('+') },
    Provider { domains: &["live.com"], canonical: "live.com", ignores_dots: false, tag_separator: Some('+') },
    Provider { domains: &["fastmail.com"], canonical: "fastmail.com", ignores_dots: false, tag_separator: Some('+') },
    Provider { domains: &["yahoo.com"], canonical: "yahoo.com", ignores_dots: false, tag_separator: Some('-') },
];

/// The key under which two spellings of one mailbox compare equal:
/// normalized, then the provider's rules (Gmail ignores dots and `+tags`
/// and `googlemail.com` is `gmail.com`; Apple's `me.com`/`mac.com` are
/// `icloud.com`; …). Unknown domains keep their local part unchanged,
/// because for them a `+` or a dot may be significant.
pub fn email_match_key(input: &str) -> Option<String> {
    let normalized = normalize_email(input)?;
    let (local, domain) = normalized.rsplit_once('@')?;
    let Some(provider) = PROVIDERS.iter().find(|p| p.domains.contains(&domain)) else {
        return Some(normalized);
    };
    let mut local = local;
    if let Some(sep) = provider.tag_separator {
        if let Some((head, _tag)) = local.split_once(sep) {
            if !head.is_empty() {
                local = head;
            }
        }
    }
    let local: String =
        if provider.ignores_dots { local.chars().filter(|c| *c != '.').collect() } else { local.to_string() };
    if local.is_empty() {
        return Some(normalized);
    }
    Some(format!("{local}@{}", provider.canonical))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalizes_messy_addresses() {
        let n = |s| normalize_email(s);
        assert_eq!(n("  John.Smith@Example.COM ").as_deref(), Some("john.smith@example.com"));
        assert_eq!(n("ｚｈａｎｇ＠ＱＱ．ｃｏｍ").as_deref(), Some("zhang@qq.com"));
        assert_eq!(n("mailto:Li.Na@163.com").as_deref(), Some("li.na@163.com"));
        assert_eq!(n("<wang@126.com>").as_deref(), Some("wang@126.com"));
        assert_eq!(n("wang@sina.com.").as_deref(), Some("wang@sina.com"));
        assert_eq!(n("wang@sina。com").as_deref(), Some("wang@sina.com"));
        assert_eq!(n("zh\u{200B}ang@qq.com").as_deref(), Some("zhang@qq.com"));
        assert_eq!(n("user+tag@gmail.com").as_deref(), Some("user+tag@gmail.com"));
        assert_eq!(n("用户@例子.公司").as_deref(), Some("用户@例子.公司"));
        // Viramas are combining marks, not letters; IANA TLDs contain them.
        assert_eq!(n("a@例子.இந்தியா").as_deref(), Some("a@例子.இந்தியா"));
        // The 63-octet limit is on the A-label (32 octets here), not UTF-8 (66).
        let label = "北京".repeat(11);
        assert_eq!(normalize_email(&format!("a@{label}.cn")), Some(format!("a@{label}.cn")));
        assert_eq!(normalize_email(&format!("a@{}.cn", "北京".repeat(30))), None);
    }

    #[test]
    fn rejects_non_addresses() {
        for bad in [
            "",
            "   ",
            "john",
            "john@",
            "@example.com",
            "john@example",
            "john@@example.com",
            "john.@example.com",
            ".john@example.com",
            "jo..hn@example.com",
            "john@-example.com",
            "john@example-.com",
            "john@exa mple.com",
            "john smith@example.com",
            "john@example.123",
            "john@example..com",
            "\"john\"@example.com",
        ] {
            assert_eq!(normalize_email(bad), None, "input {bad:?}");
        }
        assert_eq!(normalize_email(&format!("{}@example.com", "a".repeat(65))), None);
        assert_eq!(normalize_email(&format!("a@{}.com", "b".repeat(64))), None);
        assert_eq!(normalize_email(&"a@b.cd".repeat(200_000)), None);
    }

    #[test]
    fn match_keys_follow_provider_rules() {
        let k = |s| email_match_key(s);
        assert_eq!(k("J.O.H.N+news@GoogleMail.com").as_deref(), Some("john@gmail.com"));
        assert_eq!(k("john@gmail.com").as_deref(), Some("john@gmail.com"));
        assert_eq!(k("jane.doe+shop@outlook.com").as_deref(), Some("jane.doe@outlook.com"));
        assert_eq!(k("jane@me.com").as_deref(), Some("jane@icloud.com"));
        assert_eq!(k("bob-spam@yahoo.com").as_deref(), Some("bob@yahoo.com"));
        // Unknown domains: dots and tags may matter, keep them.
        assert_eq!(k("j.smith+x@example.com").as_deref(), Some("j.smith+x@example.com"));
        assert_eq!(k("+tag@gmail.com").as_deref(), Some("+tag@gmail.com"));
        assert_eq!(k("not an email"), None);
    }

    proptest! {
        #[test]
        fn never_panics(s in any::<String>()) {
            let _ = email_match_key(&s);
        }

        #[test]
        fn idempotent(s in "[ A-Za-z0-9.+_@-]{0,30}|\\PC{0,30}@\\PC{0,30}") {
            if let Some(once) = normalize_email(&s) {
                prop_assert_eq!(normalize_email(&once), Some(once.clone()));
                let key = email_match_key(&once).unwrap();
                prop_assert_eq!(email_match_key(&key), Some(key));
            }
        }
    }
}
