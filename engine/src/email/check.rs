//! `email_check`: is this an address mail can be sent to, and if not, why.
//!
//! The input first gets the same harmless clean-up as
//! [`normalize_email`](super::normalize_email) (trim, invisible characters,
//! NFKC, `mailto:`, `<…>`, ideographic dots, lower case, the root's trailing
//! dot). What is left is checked against practical RFC 5321/5322 syntax
//! with RFC 6531 UTF-8 local parts and UTS 46 internationalized domains,
//! and the top-level domain must be delegated in the IANA root zone.
//!
//! Every problem found is reported, each with a stable snake_case code
//! (see [`codes`]) and a message naming the offending part. Every problem
//! makes the address invalid except one warning:
//!
//! - `likely_typo`: the domain looks like a misspelling of a common
//!   provider's (`gmial.com`), and `suggestion` holds the corrected address.
//!   Syntax and the TLD alone decide `valid`: `gmial.com` is a real,
//!   deliverable domain, so `zhang@gmial.com` stays valid with a warning,
//!   while `c@qq.con` is invalid (no `.con` TLD) and gets the same warning
//!   and suggestion. A suggestion is given only when it differs from the
//!   normalized input and itself passes every check; `likely_typo` is
//!   present exactly when `suggestion` is.
//!
//! `disposable_domain` is reported (and makes the address invalid) only when
//! [`EmailCheckOptions::disposable_is_problem`] asks for it.
//!
//! Relation to `normalize_email`: whenever `valid` is true, `normalized` is
//! `Some` and equals `normalize_email(input)`; so `normalize_email` returning
//! `None` implies `valid == false`. The converse does not hold:
//! `normalize_email` does not look up TLDs, run IDNA or know about IP
//! literals, so `john@example.invalidtld` normalizes but is not valid.

use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
use serde::Serialize;

use super::{
    domain_char_ok, fold_domain, fold_local, label_octets, local_char_ok, suggest, unwrap, MAX_ADDRESS, MAX_DOMAIN,
    MAX_LABEL, MAX_LOCAL,
};
use crate::data::disposable_domains::DISPOSABLE_DOMAINS;
use crate::data::tlds::TLDS;

/// The problem codes `email_check` reports. They are part of the SQL
/// interface (`email_check(text)->'problems'`): never rename one.
pub mod codes {
    /// There is no `@`.
    pub const MISSING_AT: &str = "missing_at";
    /// There is more than one `@` outside a quoted local part.
    pub const MULTIPLE_AT: &str = "multiple_at";
    /// A space inside the address (spaces around it are trimmed).
    pub const WHITESPACE: &str = "whitespace";
    /// Nothing before the `@`.
    pub const LOCAL_PART_EMPTY: &str = "local_part_empty";
    /// The local part is longer than 64 octets.
    pub const LOCAL_PART_TOO_LONG: &str = "local_part_too_long";
    /// The local part starts with a dot.
    pub const LOCAL_PART_LEADING_DOT: &str = "local_part_leading_dot";
    /// The local part ends with a dot.
    pub const LOCAL_PART_TRAILING_DOT: &str = "local_part_trailing_dot";
    /// Two dots in a row in the local part.
    pub const LOCAL_PART_CONSECUTIVE_DOTS: &str = "local_part_consecutive_dots";
    /// A character outside RFC 5322 `atext` and UTF-8 letters in the local part.
    pub const LOCAL_PART_INVALID_CHARACTER: &str = "local_part_invalid_character";
    /// A quoted local part (`"john doe"@example.com`), which is not accepted.
    pub const QUOTED_LOCAL_PART: &str = "quoted_local_part";
    /// Nothing after the `@`.
    pub const DOMAIN_EMPTY: &str = "domain_empty";
    /// The domain has a single label (`john@localhost`).
    pub const DOMAIN_NO_DOT: &str = "domain_no_dot";
    /// An empty label in the domain: two dots in a row or a leading dot.
    pub const DOMAIN_EMPTY_LABEL: &str = "domain_empty_label";
    /// A domain label longer than 63 octets (A-label form).
    pub const DOMAIN_LABEL_TOO_LONG: &str = "domain_label_too_long";
    /// A domain label starts or ends with a hyphen.
    pub const DOMAIN_LABEL_HYPHEN: &str = "domain_label_hyphen";
    /// A character other than letters, digits and hyphens in the domain.
    pub const DOMAIN_INVALID_CHARACTER: &str = "domain_invalid_character";
    /// The domain is longer than 253 octets (A-label form).
    pub const DOMAIN_TOO_LONG: &str = "domain_too_long";
    /// The internationalized domain fails UTS 46 / IDNA processing (bad
    /// `xn--` label, disallowed character, bidi rule, no round trip).
    pub const DOMAIN_IDNA_INVALID: &str = "domain_idna_invalid";
    /// The domain is an IP address (`[192.0.2.1]`, `[IPv6:…]`, `192.0.2.1`).
    pub const IP_LITERAL: &str = "ip_literal";
    /// The top-level domain is not delegated in the IANA root zone.
    pub const UNKNOWN_TLD: &str = "unknown_tld";
    /// The whole address is longer than 254 octets.
    pub const ADDRESS_TOO_LONG: &str = "address_too_long";
    /// A disposable-mailbox domain (only with `disposable_is_problem`).
    pub const DISPOSABLE_DOMAIN: &str = "disposable_domain";
    /// Warning: the domain looks like a typo; see `suggestion`.
    pub const LIKELY_TYPO: &str = "likely_typo";

    /// Every code, in the order `email_check` reports them.
    pub const ALL: &[&str] = &[
        MISSING_AT,
        MULTIPLE_AT,
        WHITESPACE,
        QUOTED_LOCAL_PART,
        LOCAL_PART_EMPTY,
        LOCAL_PART_TOO_LONG,
        LOCAL_PART_LEADING_DOT,
        LOCAL_PART_TRAILING_DOT,
        LOCAL_PART_CONSECUTIVE_DOTS,
        LOCAL_PART_INVALID_CHARACTER,
        DOMAIN_EMPTY,
        IP_LITERAL,
        DOMAIN_NO_DOT,
        DOMAIN_EMPTY_LABEL,
        DOMAIN_INVALID_CHARACTER,
        DOMAIN_LABEL_HYPHEN,
        DOMAIN_IDNA_INVALID,
        DOMAIN_LABEL_TOO_LONG,
        DOMAIN_TOO_LONG,
        UNKNOWN_TLD,
        ADDRESS_TOO_LONG,
        DISPOSABLE_DOMAIN,
        LIKELY_TYPO,
    ];
}

/// What `email_check` may treat as a problem beyond syntax.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EmailCheckOptions {
    /// Report addresses at disposable-mailbox services as `disposable_domain`
    /// (which makes them invalid).
    pub disposable_is_problem: bool,
}

/// One thing wrong with an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Stable snake_case code, one of [`codes::ALL`].
    pub code: &'static str,
    /// Human-readable explanation naming the offending part.
    pub message: String,
}

/// The verdict on one address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmailCheck {
    /// No problem other than the `likely_typo` warning.
    pub valid: bool,
    /// Everything found, in the order of [`codes::ALL`].
    pub problems: Vec<Problem>,
    /// A corrected full address for a likely typo; it passes every check.
    pub suggestion: Option<String>,
    /// The normalized address (as `normalize_email` gives it) when valid.
    pub normalized: Option<String>,
}

/// Checks `input` as an e-mail address. `None` for blank input and input
/// over [`crate::MAX_FIELD_BYTES`], like every normalizer.
pub fn email_check(input: &str, opts: EmailCheckOptions) -> Option<EmailCheck> {
    if input.len() > crate::MAX_FIELD_BYTES || crate::text::is_blank(input) {
        return None;
    }
    let cleaned = unwrap(input)?;
    let mut problems = Vec::new();
    let parsed = analyze(&cleaned, opts, &mut problems);
    let valid = problems.is_empty();
    let normalized = parsed.as_ref().map(|p| p.address());
    let suggestion = parsed.as_ref().and_then(|p| suggest_address(p, normalized.as_deref(), opts));
    if let (Some(p), Some(s)) = (&parsed, &suggestion) {
        let to = s.rsplit_once('@').map_or(s.as_str(), |(_, d)| d);
        problems.push(problem(
            codes::LIKELY_TYPO,
            format!("the domain \"{}\" looks like a typo of \"{to}\"", shown(&p.domain)),
        ));
    }
    Some(EmailCheck { valid, problems, suggestion, normalized: if valid { normalized } else { None } })
}

/// Whether `input` is a valid e-mail address (`email_check(..).valid` with
/// default options); `None` where `email_check` is `None`.
pub fn is_valid_email(input: &str) -> Option<bool> {
    email_check(input, EmailCheckOptions::default()).map(|c| c.valid)
}

/// Whether `label` (ASCII, `xn--` or Unicode form, any case) is a top-level
/// domain delegated in the IANA root zone.
pub fn is_iana_tld(label: &str) -> bool {
    if label.is_empty() || label.len() > MAX_DOMAIN || label.contains('.') {
        return false;
    }
    // Checked for every address: a label already in lower case (as the
    // cleaner writes them) is looked up as it is, without a copy.
    let ascii: std::borrow::Cow<str> = if !label.is_ascii() {
        match to_ascii(label) {
            Some(a) if !a.contains('.') => a.into(),
            _ => return false,
        }
    } else if label.bytes().any(|b| b.is_ascii_uppercase()) {
        label.to_ascii_lowercase().into()
    } else {
        label.into()
    };
    tld_set().contains(ascii.as_ref())
}

/// [`TLDS`] as a set: every address checked asks for its TLD, and a
/// binary search of the 1,400 names (a string comparison each step) showed
/// in profiles of the row rules.
/// (Fx hashing: the keys are fixed, so SipHash's resistance to collision
/// attacks buys nothing.)
fn tld_set() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| TLDS.iter().copied().collect())
}

/// Whether `domain` (any form) or one of its parent domains belongs to a
/// disposable-mailbox service.
pub fn is_disposable_domain(domain: &str) -> bool {
    if domain.is_empty() || domain.len() > MAX_DOMAIN {
        return false;
    }
    let ascii = if domain.is_ascii() {
        domain.to_ascii_lowercase()
    } else {
        match to_ascii(domain) {
            Some(a) => a,
            None => return false,
        }
    };
    let mut rest = ascii.strip_suffix('.').unwrap_or(&ascii);
    // Subdomains of a listed domain (`x.mailinator.com`) are the same
    // service; a bare TLD is never listed, so the walk stops before it.
    while rest.contains('.') {
        if DISPOSABLE_DOMAINS.binary_search(&rest).is_ok() {
            return true;
        }
        rest = match rest.split_once('.') {
            Some((_, parent)) => parent,
            None => break,
        };
    }
    false
}

/// A split address after clean-up: lower-cased local part and the domain
/// folded as `normalize_email` folds it (Unicode labels kept as typed).
struct Parsed {
    local: String,
    domain: String,
}

impl Parsed {
    /// `local@domain` (in one sized buffer: this runs for every address
    /// checked, where `format!` showed in profiles).
    fn address(&self) -> String {
        let mut out = String::with_capacity(self.local.len() + 1 + self.domain.len());
        out.push_str(&self.local);
        out.push('@');
        out.push_str(&self.domain);
        out
    }
}

fn problem(code: &'static str, message: String) -> Problem {
    Problem { code, message }
}

/// `s` for a message, cut to a readable length.
fn shown(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

/// The distinct characters of `chars`, quoted for a message.
fn listed(chars: &[char]) -> String {
    let mut seen: Vec<char> = Vec::new();
    for &c in chars {
        if !seen.contains(&c) {
            seen.push(c);
            if seen.len() > 8 {
                break;
            }
        }
    }
    let mut out: Vec<String> = seen.iter().take(8).map(|c| format!("\"{}\"", c.escape_debug())).collect();
    if seen.len() > 8 {
        out.push("…".to_string());
    }
    out.join(", ")
}

/// UTS 46 ToASCII with STD3 rules (letters, digits, hyphens only) and no
/// positional hyphen check: `ab--cd` is a real host name, and leading or
/// trailing hyphens get their own problem code.
fn to_ascii(domain: &str) -> Option<String> {
    Uts46::new()
        .to_ascii(domain.as_bytes(), AsciiDenyList::STD3, Hyphens::Allow, DnsLength::Ignore)
        .ok()
        .map(|a| a.into_owned())
}

/// The A-label form of `domain` when IDNA accepts it and the conversion
/// round-trips (ToASCII, ToUnicode, ToASCII give the same labels), so that
/// every `xn--` label decodes to a valid Unicode label.
fn idna_round_trip(domain: &str) -> Option<String> {
    let ascii = to_ascii(domain)?;
    let (unicode, result) = Uts46::new().to_unicode(ascii.as_bytes(), AsciiDenyList::STD3, Hyphens::Allow);
    result.ok()?;
    (to_ascii(&unicode)? == ascii).then_some(ascii)
}

/// Splits off a quoted local part (`"…"@`), honouring backslash escapes.
fn split_quoted(s: &str) -> Option<(&str, &str)> {
    let rest = s.strip_prefix('"')?;
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' {
            let end = 1 + i + 1;
            return s[end..].strip_prefix('@').map(|domain| (&s[..end], domain));
        }
    }
    None
}

fn is_dotted_quad(domain: &str) -> bool {
    let parts: Vec<&str> = domain.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Runs every check on the cleaned-up input, pushing problems in the order
/// of [`codes::ALL`]. Returns the split address when there is one `@` to
/// split at (even if it has problems), for the typo suggestion.
fn analyze(s: &str, opts: EmailCheckOptions, problems: &mut Vec<Problem>) -> Option<Parsed> {
    let (local_raw, domain_raw, quoted) = match split_quoted(s) {
        Some((local, domain)) => (local, domain, true),
        None => match s.rsplit_once('@') {
            Some((local, domain)) => (local, domain, false),
            None => {
                problems.push(problem(codes::MISSING_AT, format!("\"{}\" has no \"@\"", shown(s))));
                if s.contains(' ') {
                    problems.push(problem(codes::WHITESPACE, format!("\"{}\" contains a space", shown(s))));
                }
                return None;
            }
        },
    };
    // With a quoted local part the domain is everything after its `@`;
    // otherwise the last `@` separates, as in `normalize_email`.
    let domain_raw = if quoted {
        match domain_raw.rsplit_once('@') {
            Some((_, d)) => {
                problems.push(problem(codes::MULTIPLE_AT, "the domain contains another \"@\"".into()));
                d
            }
            None => domain_raw,
        }
    } else {
        if local_raw.contains('@') {
            problems.push(problem(codes::MULTIPLE_AT, format!("\"{}\" has more than one \"@\"", shown(s))));
        }
        domain_raw
    };
    let local = fold_local(local_raw);
    let domain = fold_domain(domain_raw);

    let space_in_local = !quoted && local.contains(' ');
    if space_in_local || domain.contains(' ') {
        let part = match (space_in_local, domain.contains(' ')) {
            (true, true) => "the local part and the domain contain",
            (true, false) => "the local part contains",
            _ => "the domain contains",
        };
        problems.push(problem(codes::WHITESPACE, format!("{part} a space")));
    }

    check_local(&local, quoted, problems);
    let ascii_domain = check_domain(&domain, problems);

    let domain_octets = ascii_domain.as_ref().map_or(0, |a| a.len()).max(domain.len());
    let address_octets = local.len() + 1 + domain_octets;
    if address_octets > MAX_ADDRESS {
        problems.push(problem(
            codes::ADDRESS_TOO_LONG,
            format!("the address is {address_octets} octets long; at most {MAX_ADDRESS} are allowed"),
        ));
    }
    if opts.disposable_is_problem {
        if let Some(ascii) = &ascii_domain {
            if is_disposable_domain(ascii) {
                problems.push(problem(
                    codes::DISPOSABLE_DOMAIN,
                    format!("\"{}\" is a disposable-mailbox service", shown(&domain)),
                ));
            }
        }
    }
    Some(Parsed { local, domain })
}

fn check_local(local: &str, quoted: bool, problems: &mut Vec<Problem>) {
    // Quoted local parts (RFC 5322 §3.2.4) are legal but not accepted: they
    // do not occur in real customer data, most systems downstream (CRMs,
    // mail APIs, marketing tools) cannot send to them, and a quoted string
    // in a data field is far more often a copy-paste accident.
    if quoted {
        problems
            .push(problem(codes::QUOTED_LOCAL_PART, format!("the quoted local part {} is not accepted", shown(local))));
        return;
    }
    if local.is_empty() {
        problems.push(problem(codes::LOCAL_PART_EMPTY, "there is nothing before the \"@\"".into()));
        return;
    }
    if local.len() > MAX_LOCAL {
        problems.push(problem(
            codes::LOCAL_PART_TOO_LONG,
            format!("the local part is {} octets long; at most {MAX_LOCAL} are allowed", local.len()),
        ));
    }
    if local.starts_with('.') {
        problems.push(problem(
            codes::LOCAL_PART_LEADING_DOT,
            format!("the local part \"{}\" starts with a dot", shown(local)),
        ));
    }
    if local.ends_with('.') && local != "." {
        problems.push(problem(
            codes::LOCAL_PART_TRAILING_DOT,
            format!("the local part \"{}\" ends with a dot", shown(local)),
        ));
    }
    if local.contains("..") {
        problems.push(problem(
            codes::LOCAL_PART_CONSECUTIVE_DOTS,
            format!("the local part \"{}\" has two dots in a row", shown(local)),
        ));
    }
    // Spaces and `@` have their own codes.
    let bad: Vec<char> = local.chars().filter(|&c| !local_char_ok(c) && c != ' ' && c != '@').collect();
    if !bad.is_empty() {
        problems.push(problem(
            codes::LOCAL_PART_INVALID_CHARACTER,
            format!("the local part \"{}\" contains {}", shown(local), listed(&bad)),
        ));
    }
}

/// Checks the folded domain; returns its A-label form when it has one.
fn check_domain<'d>(domain: &'d str, problems: &mut Vec<Problem>) -> Option<std::borrow::Cow<'d, str>> {
    if domain.is_empty() {
        problems.push(problem(codes::DOMAIN_EMPTY, "there is nothing after the \"@\"".into()));
        return None;
    }
    if (domain.starts_with('[') && domain.ends_with(']')) || is_dotted_quad(domain) {
        problems.push(problem(
            codes::IP_LITERAL,
            format!("the domain {} is an IP address; a host name is required", shown(domain)),
        ));
        return None;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        problems.push(problem(codes::DOMAIN_NO_DOT, format!("the domain \"{}\" has no dot", shown(domain))));
    }
    let empty_label = labels.iter().any(|l| l.is_empty());
    if empty_label {
        problems.push(problem(
            codes::DOMAIN_EMPTY_LABEL,
            format!("the domain \"{}\" has an empty label (a leading dot or two dots in a row)", shown(domain)),
        ));
    }
    let bad: Vec<char> = domain.chars().filter(|&c| !domain_char_ok(c) && c != '.' && c != ' ').collect();
    if !bad.is_empty() {
        problems.push(problem(
            codes::DOMAIN_INVALID_CHARACTER,
            format!("the domain \"{}\" contains {}", shown(domain), listed(&bad)),
        ));
    }
    if let Some(l) = labels.iter().find(|l| l.starts_with('-') || l.ends_with('-')) {
        problems.push(problem(
            codes::DOMAIN_LABEL_HYPHEN,
            format!("the domain label \"{}\" starts or ends with a hyphen", shown(l)),
        ));
    }
    let well_formed = bad.is_empty() && !empty_label && !domain.contains(' ');
    let ascii = if !well_formed {
        None
    } else if domain.is_ascii() && !domain.split('.').any(|l| l.starts_with("xn--")) {
        Some(std::borrow::Cow::Borrowed(domain))
    } else {
        let ascii = idna_round_trip(domain).map(std::borrow::Cow::Owned);
        if ascii.is_none() {
            problems.push(problem(
                codes::DOMAIN_IDNA_INVALID,
                format!("the domain \"{}\" is not a valid internationalized domain name", shown(domain)),
            ));
        }
        ascii
    };
    // The same measure as `normalize_email`, so that a valid address always
    // normalizes; for a well-formed IDN it is the A-label length.
    if let Some(l) = labels.iter().find(|l| label_octets(l) > MAX_LABEL) {
        problems.push(problem(
            codes::DOMAIN_LABEL_TOO_LONG,
            format!(
                "the domain label \"{}\" is {} octets long; at most {MAX_LABEL} are allowed",
                shown(l),
                label_octets(l)
            ),
        ));
    }
    let domain_octets = ascii.as_ref().map_or(domain.len(), |a| a.len());
    if domain_octets > MAX_DOMAIN {
        problems.push(problem(
            codes::DOMAIN_TOO_LONG,
            format!("the domain is {domain_octets} octets long; at most {MAX_DOMAIN} are allowed"),
        ));
    }
    let tld = labels.last().copied().unwrap_or_default();
    if labels.len() >= 2 && !tld.is_empty() && !is_iana_tld(tld) {
        problems.push(problem(codes::UNKNOWN_TLD, format!("the top-level domain \"{}\" does not exist", shown(tld))));
    }
    ascii
}

/// The suggested address for a likely domain typo, if it differs from the
/// normalized input and passes every check itself.
fn suggest_address(parsed: &Parsed, normalized: Option<&str>, opts: EmailCheckOptions) -> Option<String> {
    let domain = suggest::domain(&parsed.domain)?;
    let candidate = format!("{}@{}", parsed.local, domain);
    if Some(candidate.as_str()) == normalized {
        return None;
    }
    let mut problems = Vec::new();
    let again = analyze(&candidate, opts, &mut problems)?;
    (problems.is_empty() && format!("{}@{}", again.local, again.domain) == candidate).then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::email::normalize_email;
    use proptest::prelude::*;

    fn check(s: &str) -> EmailCheck {
        email_check(s, EmailCheckOptions::default()).expect("not blank")
    }

    /// Asserts validity, exact problem codes, suggestion and normalized form.
    fn assert_check(s: &str, valid: bool, problem_codes: &[&str], suggestion: Option<&str>) {
        let c = check(s);
        let got: Vec<&str> = c.problems.iter().map(|p| p.code).collect();
        assert_eq!(got, problem_codes, "problems of {s:?}: {:?}", c.problems);
        assert_eq!(c.valid, valid, "validity of {s:?}");
        assert_eq!(c.suggestion.as_deref(), suggestion, "suggestion for {s:?}");
        assert_eq!(c.normalized, if valid { normalize_email(s) } else { None }, "normalized {s:?}");
        if valid {
            assert!(c.normalized.is_some(), "valid {s:?} must normalize");
        }
    }

    #[test]
    fn tricky_valid_addresses() {
        let long_local = "a".repeat(64);
        let long_label = "b".repeat(63);
        for ok in [
            "john.smith@example.com",
            "user+tag@gmail.com",
            "user+tag+more@sub.example.co.uk",
            "a@b.cn",
            "x@a.b.c.d.com",
            "o'brien@example.ie",
            "!#$%&'*+-/=?^_`{|}~@example.org",
            "1234567@qq.com",
            "li.na@163.com",
            "用户@例子.中国",
            "пользователь@пример.рф",
            "zhang@xn--fsqu00a.xn--fiqs8s",
            "info@xn--mller-kva.de",
            "info@müller.de",
            "a@例子.இந்தியா",
            "user@ab--cd.com",
            "x@my-host.example.org",
            "  Mailto:<John.Smith@Example.COM>  ",
            "ｚｈａｎｇ＠ＱＱ．ｃｏｍ",
            "wang@sina。com",
            "wang@sina.com.",
            "gmx@gmx.de",
            "a@me.com",
            "a@mail.com",
            "a@live.cn",
            "a@126.com",
            "a@163.com",
            "a@gmx.net",
            "a@hotmail.fr",
            "a@yandex.com",
            "a@cloud.com",
            "a@ymail.com",
            "a@foxmail.com",
            "a@sina.cn",
            "x@mailinator.com",
        ] {
            assert_check(ok, true, &[], None);
        }
        assert_check(&format!("{long_local}@example.com"), true, &[], None);
        assert_check(&format!("a@{long_label}.com"), true, &[], None);
        assert_eq!(check("  Mailto:<John.Smith@Example.COM>  ").normalized.as_deref(), Some("john.smith@example.com"));
        assert_eq!(check("用户@例子.中国").normalized.as_deref(), Some("用户@例子.中国"));
    }

    #[test]
    fn each_problem_code() {
        use codes::*;
        assert_check("john.example.com", false, &[MISSING_AT], None);
        assert_check("john smith", false, &[MISSING_AT, WHITESPACE], None);
        assert_check("john@@example.com", false, &[MULTIPLE_AT], None);
        assert_check("a@b@example.com", false, &[MULTIPLE_AT], None);
        assert_check("john smith@example.com", false, &[WHITESPACE], None);
        assert_check("john@exa mple.com", false, &[WHITESPACE], None);
        assert_check("jo hn@exa mple.com", false, &[WHITESPACE], None);
        assert_check("\"john doe\"@example.com", false, &[QUOTED_LOCAL_PART], None);
        assert_check("\"a@b\"@example.com", false, &[QUOTED_LOCAL_PART], None);
        assert_check("\"a\\\"b\"@example.com", false, &[QUOTED_LOCAL_PART], None);
        assert_check("@example.com", false, &[LOCAL_PART_EMPTY], None);
        assert_check(&format!("{}@example.com", "a".repeat(65)), false, &[LOCAL_PART_TOO_LONG], None);
        assert_check(".john@example.com", false, &[LOCAL_PART_LEADING_DOT], None);
        assert_check("john.@example.com", false, &[LOCAL_PART_TRAILING_DOT], None);
        assert_check("jo..hn@example.com", false, &[LOCAL_PART_CONSECUTIVE_DOTS], None);
        assert_check(".@example.com", false, &[LOCAL_PART_LEADING_DOT], None);
        assert_check(
            ".jo..hn.@example.com",
            false,
            &[LOCAL_PART_LEADING_DOT, LOCAL_PART_TRAILING_DOT, LOCAL_PART_CONSECUTIVE_DOTS],
            None,
        );
        assert_check("jo(hn)@example.com", false, &[LOCAL_PART_INVALID_CHARACTER], None);
        assert_check("john\"x@example.com", false, &[LOCAL_PART_INVALID_CHARACTER], None);
        assert_check("john@", false, &[DOMAIN_EMPTY], None);
        assert_check("john@[192.0.2.1]", false, &[IP_LITERAL], None);
        assert_check("john@[IPv6:2001:db8::1]", false, &[IP_LITERAL], None);
        assert_check("john@192.0.2.1", false, &[IP_LITERAL], None);
        assert_check("john@localhost", false, &[DOMAIN_NO_DOT], None);
        assert_check("john@example..com", false, &[DOMAIN_EMPTY_LABEL], None);
        assert_check("john@.example.com", false, &[DOMAIN_EMPTY_LABEL], None);
        assert_check("john@exa_mple.com", false, &[DOMAIN_INVALID_CHARACTER], None);
        assert_check("john@☃.com", false, &[DOMAIN_INVALID_CHARACTER], None);
        assert_check("john@-example.com", false, &[DOMAIN_LABEL_HYPHEN], None);
        assert_check("john@example-.com", false, &[DOMAIN_LABEL_HYPHEN], None);
        assert_check("john@sub.example.com-", false, &[DOMAIN_LABEL_HYPHEN, UNKNOWN_TLD], None);
        assert_check("john@xn--zzzzzz.com", false, &[DOMAIN_IDNA_INVALID], None);
        assert_check("john@xn--ss-bla.com", false, &[DOMAIN_IDNA_INVALID], None);
        assert_check("john@a١.com", false, &[DOMAIN_IDNA_INVALID], None);
        assert_check(&format!("a@{}.com", "b".repeat(64)), false, &[DOMAIN_LABEL_TOO_LONG], None);
        let long_domain = format!("{}.com", vec!["c".repeat(63); 4].join("."));
        assert_check(&format!("a@{long_domain}"), false, &[DOMAIN_TOO_LONG, ADDRESS_TOO_LONG], None);
        assert_check("john@example.invalidtld", false, &[UNKNOWN_TLD], None);
        assert_check("john@example.123", false, &[UNKNOWN_TLD], None);
        assert_check("john@example.test", false, &[UNKNOWN_TLD], None);
        assert_check("john@example.例子", false, &[UNKNOWN_TLD], None);
        let long_address = format!("{}@{}.{}.{}.com", "a".repeat(64), "b".repeat(62), "c".repeat(62), "d".repeat(62));
        assert_check(&long_address, false, &[ADDRESS_TOO_LONG], None);
        // Every code has a test above or below.
        assert_eq!(ALL.len(), 23);
    }

    #[test]
    fn reports_all_problems_with_messages() {
        let c = check("jo..hn @-exa_mple.invalidtld");
        let got: Vec<&str> = c.problems.iter().map(|p| p.code).collect();
        assert_eq!(
            got,
            [
                codes::WHITESPACE,
                codes::LOCAL_PART_CONSECUTIVE_DOTS,
                codes::DOMAIN_INVALID_CHARACTER,
                codes::DOMAIN_LABEL_HYPHEN,
                codes::UNKNOWN_TLD,
            ]
        );
        assert_eq!(c.problems[0].message, "the local part contains a space");
        assert_eq!(c.problems[2].message, "the domain \"-exa_mple.invalidtld\" contains \"_\"");
        assert_eq!(c.problems[3].message, "the domain label \"-exa_mple\" starts or ends with a hyphen");
        assert_eq!(c.problems[4].message, "the top-level domain \"invalidtld\" does not exist");
        assert!(!c.valid);
        for p in &c.problems {
            assert!(codes::ALL.contains(&p.code));
        }
    }

    #[test]
    fn serializes_for_sql() {
        let json = serde_json::to_value(check("c@qq.con")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "valid": false,
                "problems": [
                    {"code": "unknown_tld", "message": "the top-level domain \"con\" does not exist"},
                    {"code": "likely_typo", "message": "the domain \"qq.con\" looks like a typo of \"qq.com\""}
                ],
                "suggestion": "c@qq.com",
                "normalized": null
            })
        );
    }

    #[test]
    fn idn_label_length_counts_the_a_label() {
        // 北京 eleven times: 66 octets in UTF-8, 32 as an A-label.
        let label = "北京".repeat(11);
        assert!(label.len() > 63);
        assert_check(&format!("a@{label}.中国"), true, &[], None);
        // Thirty times: the A-label has 71 octets.
        let long = "北京".repeat(30);
        assert_check(&format!("a@{long}.中国"), false, &[codes::DOMAIN_LABEL_TOO_LONG], None);
        assert_eq!(
            check(&format!("a@{long}.中国")).problems[0].message,
            "the domain label \"北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京…\" is 71 octets long; at most 63 are allowed"
        );
    }

    #[test]
    fn blank_and_oversized_are_none() {
        let opts = EmailCheckOptions::default();
        assert_eq!(email_check("", opts), None);
        assert_eq!(email_check(" \u{3000}\t\u{200B} ", opts), None);
        assert_eq!(is_valid_email("   "), None);
        let huge = "a@b.cd".repeat(200_000);
        let t = std::time::Instant::now();
        assert_eq!(email_check(&huge, opts), None);
        assert_eq!(is_valid_email(&huge), None);
        assert!(t.elapsed().as_millis() < 100);
        // Just under the field limit: answered, quickly.
        let big = format!("{}@{}.com", "a".repeat(2000), "gmial".repeat(400));
        let t = std::time::Instant::now();
        assert!(!check(&big).valid);
        assert!(t.elapsed().as_millis() < 500);
        // Hostile shapes at the field limit: many labels, many IDN labels,
        // many distinct bad characters, many `@`.
        let distinct: String = ('\u{4E00}'..).take(1300).collect();
        for hostile in [
            format!("a@{}com", "é.".repeat(1300)),
            format!("a@{}com", "a.".repeat(2000)),
            format!("{}@x.com", "\u{0301}".repeat(2000)),
            format!("a@{distinct}.com"),
            format!("a@{}", "xn--a.".repeat(680)),
            "@".repeat(4000),
            format!("\"{}", "\\\"".repeat(1300)),
        ] {
            assert!(hostile.len() <= crate::MAX_FIELD_BYTES, "{}", hostile.len());
            let t = std::time::Instant::now();
            assert!(!check(&hostile).valid);
            assert!(t.elapsed().as_millis() < 500, "{:?}", t.elapsed());
        }
        // Not blank but nothing left after the clean-up.
        assert_check("mailto:", false, &[codes::MISSING_AT], None);
    }

    #[test]
    fn disposable_flag() {
        let on = EmailCheckOptions { disposable_is_problem: true };
        let c = email_check("x@mailinator.com", on).unwrap();
        assert!(!c.valid);
        assert_eq!(c.problems.iter().map(|p| p.code).collect::<Vec<_>>(), [codes::DISPOSABLE_DOMAIN]);
        assert_eq!(c.problems[0].message, "\"mailinator.com\" is a disposable-mailbox service");
        assert_eq!(c.normalized, None);
        assert!(email_check("x@sub.mailinator.com", on).unwrap().problems[0].code == codes::DISPOSABLE_DOMAIN);
        assert!(email_check("x@YopMail.com", on).unwrap().problems[0].code == codes::DISPOSABLE_DOMAIN);
        assert!(email_check("x@gmail.com", on).unwrap().valid);
        assert!(email_check("x@qq.com", on).unwrap().valid);
        // Off (the default): valid, no problem.
        assert_check("x@mailinator.com", true, &[], None);
        assert_eq!(is_valid_email("x@mailinator.com"), Some(true));
        assert!(is_disposable_domain("guerrillamail.com"));
        assert!(is_disposable_domain("a.b.guerrillamail.com"));
        assert!(!is_disposable_domain("com"));
        assert!(!is_disposable_domain("example.com"));
        assert!(!is_disposable_domain(""));
    }

    #[test]
    fn tld_lookup() {
        assert!(is_iana_tld("com"));
        assert!(is_iana_tld("COM"));
        assert!(is_iana_tld("cn"));
        assert!(is_iana_tld("中国"));
        assert!(is_iana_tld("xn--fiqs8s"));
        assert!(is_iana_tld("XN--P1AI"));
        assert!(is_iana_tld("рф"));
        assert!(is_iana_tld("公司"));
        assert!(is_iana_tld("இந்தியா"));
        assert!(!is_iana_tld("invalidtld"));
        assert!(!is_iana_tld("example"));
        assert!(!is_iana_tld("localhost"));
        assert!(!is_iana_tld(""));
        assert!(!is_iana_tld("co.uk"));
        assert!(!is_iana_tld("例子"));
        assert!(TLDS.windows(2).all(|w| w[0] < w[1]));
        assert!(DISPOSABLE_DOMAINS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn typo_suggestions() {
        use codes::LIKELY_TYPO;
        // Valid but likely typos: a real TLD, so valid with a warning.
        assert_check("zhang@gmial.com", true, &[LIKELY_TYPO], Some("zhang@gmail.com"));
        assert_check("a@hotmial.com", true, &[LIKELY_TYPO], Some("a@hotmail.com"));
        assert_check("b@yaho.com", true, &[LIKELY_TYPO], Some("b@yahoo.com"));
        assert_check("d@gmail.co", true, &[LIKELY_TYPO], Some("d@gmail.com"));
        assert_check("e@163.cm", true, &[LIKELY_TYPO], Some("e@163.com"));
        assert_check("Zhang@GMIAL.com", true, &[LIKELY_TYPO], Some("zhang@gmail.com"));
        assert_check("x@outlok.com", true, &[LIKELY_TYPO], Some("x@outlook.com"));
        assert_check("x@gmai.com", true, &[LIKELY_TYPO], Some("x@gmail.com"));
        assert_check("x@gamil.com", true, &[LIKELY_TYPO], Some("x@gmail.com"));
        assert_check("x@icloud.co", true, &[LIKELY_TYPO], Some("x@icloud.com"));
        assert_check("x@sian.com", true, &[LIKELY_TYPO], Some("x@sina.com"));
        assert_check("x@protonmial.com", true, &[LIKELY_TYPO], Some("x@protonmail.com"));
        assert_check("x@googlemial.com", true, &[LIKELY_TYPO], Some("x@googlemail.com"));
        assert_check("x@yandx.ru", true, &[LIKELY_TYPO], Some("x@yandex.ru"));
        assert_check("x@foxmial.com", true, &[LIKELY_TYPO], Some("x@foxmail.com"));
        assert_check("x@aliyum.com", true, &[LIKELY_TYPO], Some("x@aliyun.com"));
        // Invalid: the TLD does not exist; the suggestion fixes it.
        assert_check("c@qq.con", false, &[codes::UNKNOWN_TLD, LIKELY_TYPO], Some("c@qq.com"));
        assert_check("x@hotmail.cmo", false, &[codes::UNKNOWN_TLD, LIKELY_TYPO], Some("x@hotmail.com"));
        assert_check("x@gmail.comm", false, &[codes::UNKNOWN_TLD, LIKELY_TYPO], Some("x@gmail.com"));
        assert_check("x@yeah.nett", false, &[codes::UNKNOWN_TLD, LIKELY_TYPO], Some("x@yeah.net"));
        assert_check("x@126.con", false, &[codes::UNKNOWN_TLD, LIKELY_TYPO], Some("x@126.com"));
        assert_check("x@gmial.con", false, &[codes::UNKNOWN_TLD, LIKELY_TYPO], Some("x@gmail.com"));
        assert_check(
            "f@gmail,com",
            false,
            &[codes::DOMAIN_NO_DOT, codes::DOMAIN_INVALID_CHARACTER, LIKELY_TYPO],
            Some("f@gmail.com"),
        );
        assert_check("x@gmailcom", false, &[codes::DOMAIN_NO_DOT, LIKELY_TYPO], Some("x@gmail.com"));
        assert_check("x@qq", false, &[codes::DOMAIN_NO_DOT, LIKELY_TYPO], Some("x@qq.com"));
        // Messages name both domains.
        assert_eq!(
            check("zhang@gmial.com").problems[0].message,
            "the domain \"gmial.com\" looks like a typo of \"gmail.com\""
        );
    }

    #[test]
    fn real_domains_are_not_corrected() {
        for ok in [
            "a@gmx.de",
            "a@gmx.net",
            "a@gmx.at",
            "a@gmx.ch",
            "a@gmx.com",
            "a@me.com",
            "a@mail.com",
            "a@email.com",
            "a@live.cn",
            "a@live.com",
            "a@126.com",
            "a@163.com",
            "a@139.com",
            "a@sina.com",
            "a@sina.cn",
            "a@sohu.com",
            "a@web.de",
            "a@mail.ru",
            "a@msn.com",
            "a@aol.com",
            "a@proton.me",
            "a@pm.me",
            "a@protonmail.ch",
            "a@ymail.com",
            "a@hotmail.co.uk",
            "a@yahoo.co.jp",
            "a@outlook.de",
            "a@qq.cn",
            "a@love.com",
            "a@mc.com",
            "a@yeah.com",
            "a@example.com",
            "a@vip.qq.com",
            "a@vip.163.com",
            "a@cloud.com",
        ] {
            let c = check(ok);
            assert!(c.valid, "{ok}");
            assert_eq!(c.suggestion, None, "{ok}");
            assert!(c.problems.is_empty(), "{ok}: {:?}", c.problems);
        }
        // Ambiguous: as close to hotmail.com as to foxmail.com.
        assert_eq!(check("a@fotmail.com").suggestion, None);
        // No suggestion when the corrected address would still be invalid.
        assert_check("jo..hn@gmial.com", false, &[codes::LOCAL_PART_CONSECUTIVE_DOTS], None);
        // Short and numeric provider names are never edited.
        assert_eq!(check("a@164.com").suggestion, None);
        assert_eq!(check("a@qqq.com").suggestion, None);
        assert_eq!(check("a@gnx.de").suggestion, None);
        assert_eq!(check("a@example.con").suggestion, None);
        assert_eq!(check("a@example.cm").suggestion, None);
    }

    proptest! {
        #[test]
        fn never_panics_and_is_consistent(s in any::<String>()) {
            let on = EmailCheckOptions { disposable_is_problem: true };
            let c = email_check(&s, EmailCheckOptions::default());
            let _ = email_check(&s, on);
            prop_assert_eq!(is_valid_email(&s), c.as_ref().map(|c| c.valid));
            if let Some(c) = c {
                prop_assert_eq!(c.valid, c.problems.iter().all(|p| p.code == codes::LIKELY_TYPO));
                if c.valid {
                    prop_assert_eq!(&c.normalized, &normalize_email(&s));
                }
            }
        }

        #[test]
        fn relation_to_normalize_email(
            s in "[ A-Za-z0-9.+_\"@,\\[\\]-]{0,24}|[a-z.]{1,12}@[a-z0-9.-]{1,16}\\.(com|cn|con|co|net|中国|рф|xn--fiqs8s|xn--zz|invalidtld)|\\PC{0,12}@\\PC{0,12}\\.\\PC{0,4}|[a-z]{1,3}@(gmial|hotmial|yaho|qq|163|gmail|mail|gmx|me)[.,](com|con|cm|co|de|net|cn)|[a-z]{1,4}@[\\p{L}\\p{M}\\p{N}-]{1,8}\\.(com|中国|рф|இந்தியா|xn--p1ai)"
        ) {
            if let Some(c) = email_check(&s, EmailCheckOptions::default()) {
                if normalize_email(&s).is_none() {
                    prop_assert!(!c.valid, "{:?}", c);
                }
                if c.valid {
                    let n = c.normalized.clone().unwrap();
                    prop_assert_eq!(Some(n.clone()), normalize_email(&s));
                    // The normalized form checks the same way.
                    let again = check(&n);
                    prop_assert!(again.valid);
                    prop_assert_eq!(again.normalized, Some(n));
                }
                prop_assert_eq!(
                    c.suggestion.is_some(),
                    c.problems.iter().any(|p| p.code == codes::LIKELY_TYPO)
                );
                if let Some(sugg) = &c.suggestion {
                    let sc = check(sugg);
                    prop_assert!(sc.valid && sc.problems.is_empty(), "{:?}", sc);
                    prop_assert_ne!(Some(sugg.clone()), normalize_email(&s));
                }
            }
        }
    }
}
