//! Dates as customers type them.
//!
//! Accepted shapes (after full-width folding):
//! - year first: `1985-03-12`, `1985/3/12`, `1985.03.12`, `1985 3 12`,
//!   `1985年3月12日`, `85年3月12日`, `85-3-12`, with an optional time part
//!   (`1985-03-12T10:30:00`, `1985-03-12 10:30`), which is ignored;
//! - eight digits `19850312` (always year, month, day: ISO 8601 basic);
//! - day and month first with the year last: `12/03/1985`, `12.03.1985`,
//!   `3-12-85`; which of the first two is the day is decided by the values
//!   when one of them is above 12, else by the order given (GUC
//!   `customer_clean.date_order`);
//! - month names in English: `12 March 1985`, `March 12, 1985`,
//!   `12-MAR-85`, `Mar 12 1985`.
//!
//! A two-digit year is taken as the year nearest to 2020 (00–69 → 2000s,
//! 70–99 → 1900s), PostgreSQL's own rule. When all three numbers have at most
//! two digits, the year's position comes from the order too (`YMD` reads
//! `11-03-12` as 2011-03-12). An impossible date (`1985-02-30`) is `None`,
//! never a neighbouring date.

use std::fmt;

/// A calendar date (proleptic Gregorian), years 1–9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Every date a normalizer returns is written, once per cleaned row:
        // the digits of an in-range date are placed directly, giving the
        // same text as the general formatting below, several times faster.
        if let (Ok(year @ 0..=9999), month @ 0..=99, day @ 0..=99) = (u32::try_from(self.year), self.month, self.day) {
            let digit = |n: u32| b'0' + (n % 10) as u8;
            let (month, day) = (u32::from(month), u32::from(day));
            let text = [
                digit(year / 1000),
                digit(year / 100),
                digit(year / 10),
                digit(year),
                b'-',
                digit(month / 10),
                digit(month),
                b'-',
                digit(day / 10),
                digit(day),
            ];
            return f.write_str(std::str::from_utf8(&text).unwrap_or_default());
        }
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How to read a date whose field order the values do not reveal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// day, month, year (`12/03/1985` is 12 March)
    Dmy,
    /// month, day, year (`12/03/1985` is 3 December)
    Mdy,
    /// year, month, day (`11-03-12` is 12 March 2011)
    Ymd,
}

/// Errors about the arguments of the date functions.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("unknown date order \"{0}\"")]
    UnknownOrder(String),
}

impl crate::SqlError for DateError {
    fn class(&self) -> crate::ErrorClass {
        crate::ErrorClass::InvalidParameterValue
    }
    fn hint(&self) -> String {
        "use 'DMY', 'MDY' or 'YMD'".into()
    }
}

impl DateOrder {
    /// The GUC's values: `DMY`, `MDY`, `YMD` (case-insensitive).
    pub fn parse(s: &str) -> Result<DateOrder, DateError> {
        match s.trim().to_ascii_uppercase().as_str() {
            "DMY" => Ok(DateOrder::Dmy),
            "MDY" => Ok(DateOrder::Mdy),
            "YMD" => Ok(DateOrder::Ymd),
            _ => Err(DateError::UnknownOrder(s.to_string())),
        }
    }
}

impl Date {
    /// A date if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= days).then_some(Date { year, month: month as u8, day: day as u8 })
    }

    /// Days since 1970-01-01 (negative before), for date differences.
    /// Howard Hinnant's `days_from_civil`: exact for the proleptic
    /// Gregorian calendar, no table, no loop.
    pub fn days_since_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (Hinnant's `civil_from_days`),
    /// clamped to years 1–9999.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        match year {
            ..=0 => Date { year: 1, month: 1, day: 1 },
            10_000.. => Date { year: 9999, month: 12, day: 31 },
            _ => Date { year: year as i32, month, day },
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month name or its abbreviation of at least three letters (`Sept` too).
fn month_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| m.starts_with(w) || (w == "sept" && *m == "september")).map(|i| i as u32 + 1)
}

/// One piece of a date: digits (with how many were written) or a word.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Num(u32, usize),
    Month(u32),
}

fn expand_two_digit_year(value: u32, digits: usize) -> i32 {
    match (digits, value) {
        (1 | 2, 0..=69) => 2000 + value as i32,
        (1 | 2, _) => 1900 + value as i32,
        _ => value as i32,
    }
}

/// Parses `input` as a date; `None` when it is not one.
pub fn normalize_date(input: &str, order: DateOrder) -> Option<Date> {
    if input.len() > 64 {
        // No date spelling is that long; bounding it keeps hostile input cheap.
        return None;
    }
    if let Some(date) = iso_date(input) {
        return date;
    }
    let text = crate::text::clean_cow(input);
    let text = strip_time(&text);
    if text.is_empty() {
        return None;
    }
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| text[r].parse::<u32>().ok();
        return Date::new(n(0..4)? as i32, n(4..6)?, n(6..8)?);
    }
    let tokens = tokenize(text)?;
    match tokens.as_slice() {
        [Token::Num(a, da), Token::Num(b, db), Token::Num(c, dc)] => {
            from_numbers((*a, *da), (*b, *db), (*c, *dc), order)
        }
        // 12 March 1985, 12-MAR-85
        [Token::Num(d, dd), Token::Month(m), Token::Num(y, dy)] if *dd <= 2 => {
            Date::new(expand_two_digit_year(*y, *dy), *m, *d)
        }
        // March 12, 1985
        [Token::Month(m), Token::Num(d, dd), Token::Num(y, dy)] if *dd <= 2 => {
            Date::new(expand_two_digit_year(*y, *dy), *m, *d)
        }
        // 1985 March 12
        [Token::Num(y, 4), Token::Month(m), Token::Num(d, dd)] if *dd <= 2 => Date::new(*y as i32, *m, *d),
        _ => None,
    }
}

/// The answer for an ISO `YYYY-MM-DD` (every value this module writes, so
/// what the rules read after cleaning): the general path would read the
/// same three numbers, year first whatever the order, without cleaning up
/// and tokenizing. `None` when `input` is not spelled that way.
fn iso_date(input: &str) -> Option<Option<Date>> {
    let b = input.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    Some(Date::new(n(0..4) as i32, n(5..7), n(8..10)))
}

/// Drops a trailing time of day: `T10:30:00`, ` 10:30`, ` 10:30:00.123+08`.
fn strip_time(s: &str) -> &str {
    let cut = s
        .find('T')
        .filter(|&i| s[i + 1..].contains(':'))
        .or_else(|| s.find(':').and_then(|colon| s[..colon].rfind(' ')));
    match cut {
        Some(i) => s[..i].trim(),
        None => s.trim(),
    }
}

/// Splits on separators (`-`, `/`, `.`, `,`, space, 年, 月, 日, 号) into
/// numbers and month names; `None` for anything else.
fn tokenize(s: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::with_capacity(3);
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&d) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                digits.push(d);
                chars.next();
            }
            if digits.len() > 4 {
                return None;
            }
            tokens.push(Token::Num(digits.parse().ok()?, digits.len()));
        } else if c.is_ascii_alphabetic() {
            let mut word = String::new();
            while let Some(&d) = chars.peek() {
                if !(d.is_ascii_alphabetic() || d == '.') {
                    break;
                }
                word.push(d);
                chars.next();
            }
            tokens.push(Token::Month(month_number(&word)?));
        } else if matches!(c, '-' | '/' | '.' | ',' | ' ' | '年' | '月' | '日' | '号' | '\\') {
            chars.next();
        } else {
            return None;
        }
        if tokens.len() > 3 {
            return None;
        }
    }
    Some(tokens)
}

fn from_numbers(a: (u32, usize), b: (u32, usize), c: (u32, usize), order: DateOrder) -> Option<Date> {
    let year_first = a.1 >= 3 || (a.1 <= 2 && c.1 <= 2 && (a.0 > 31 || (order == DateOrder::Ymd && c.0 <= 31)));
    if year_first {
        if b.1 > 2 || c.1 > 2 {
            return None;
        }
        return Date::new(expand_two_digit_year(a.0, a.1), b.0, c.0);
    }
    if a.1 > 2 || b.1 > 2 || c.1 == 3 {
        return None;
    }
    let year = expand_two_digit_year(c.0, c.1);
    // The values decide when they can; the order only breaks real ties.
    let day_first = if a.0 > 12 {
        true
    } else if b.0 > 12 {
        false
    } else {
        order != DateOrder::Mdy
    };
    if day_first {
        Date::new(year, b.0, a.0)
    } else {
        Date::new(year, a.0, b.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_matches_general_formatting() {
        for (year, month, day) in [
            (1985, 3, 12),
            (1, 1, 1),
            (0, 0, 0),
            (9999, 12, 31),
            (10000, 1, 1),
            (-5, 7, 4),
            (2024, 99, 255),
            (123, 100, 9),
        ] {
            let d = Date { year, month, day };
            assert_eq!(d.to_string(), format!("{year:04}-{month:02}-{day:02}"));
        }
    }

    #[test]
    fn days_since_epoch() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap().days_since_epoch();
        assert_eq!(d(1970, 1, 1), 0);
        assert_eq!(d(2000, 3, 1), 11_017);
        assert_eq!(d(1969, 12, 31), -1);
        assert_eq!(d(2024, 3, 1) - d(2024, 2, 28), 2);
        assert_eq!(d(1, 1, 1), -719_162);
    }
    use proptest::prelude::*;

    #[test]
    fn iso_fast_path_agrees_with_the_general_path() {
        for s in [
            "1985-03-12",
            "2000-02-29",
            "1900-02-29",
            "2024-13-01",
            "2024-00-10",
            "0000-01-01",
            "9999-12-31",
            "1985-3-12",
        ] {
            for order in [DateOrder::Dmy, DateOrder::Mdy, DateOrder::Ymd] {
                // the general path, reached by a leading space
                assert_eq!(normalize_date(s, order), normalize_date(&format!(" {s}"), order), "{s}");
            }
        }
    }

    fn d(s: &str, order: DateOrder) -> Option<String> {
        normalize_date(s, order).map(|d| d.to_string())
    }

    #[test]
    fn formats_customers_type() {
        use DateOrder::*;
        for (input, want) in [
            ("1985-03-12", "1985-03-12"),
            ("1985/3/12", "1985-03-12"),
            ("1985.03.12", "1985-03-12"),
            ("1985年3月12日", "1985-03-12"),
            ("１９８５年３月１２日", "1985-03-12"),
            ("85年3月12日", "1985-03-12"),
            ("85-3-12", "1985-03-12"),
            ("19850312", "1985-03-12"),
            ("12.03.1985", "1985-03-12"),
            ("12/03/1985", "1985-03-12"),
            ("31/12/1999", "1999-12-31"),
            ("12/31/1999", "1999-12-31"),
            ("12 March 1985", "1985-03-12"),
            ("March 12, 1985", "1985-03-12"),
            ("12-MAR-85", "1985-03-12"),
            ("Sept. 1, 2001", "2001-09-01"),
            ("1985-03-12T10:30:00Z", "1985-03-12"),
            ("1985-03-12 10:30", "1985-03-12"),
            ("  2000-02-29 ", "2000-02-29"),
            ("3/4/05", "2005-04-03"),
        ] {
            assert_eq!(d(input, Dmy).as_deref(), Some(want), "input {input:?}");
        }
    }

    #[test]
    fn order_breaks_ties_only() {
        use DateOrder::*;
        assert_eq!(d("12/03/1985", Mdy).as_deref(), Some("1985-12-03"));
        assert_eq!(d("13/03/1985", Mdy).as_deref(), Some("1985-03-13"));
        assert_eq!(d("03/13/1985", Dmy).as_deref(), Some("1985-03-13"));
        assert_eq!(d("11-03-12", Ymd).as_deref(), Some("2011-03-12"));
        assert_eq!(d("11-03-12", Dmy).as_deref(), Some("2012-03-11"));
        assert_eq!(d("1985-03-12", Mdy).as_deref(), Some("1985-03-12"));
    }

    #[test]
    fn impossible_or_garbage_is_none() {
        use DateOrder::*;
        for bad in [
            "",
            "  ",
            "1985-02-29",
            "1985-13-01",
            "1985-00-10",
            "32/01/1985",
            "19851312",
            "2001-09-31",
            "yesterday",
            "12/03",
            "1985",
            "1985-03-12-01",
            "12345-01-01",
            "Foo 12 1985",
            "1985年3月",
            "0000-01-01",
            "1985-3-12 garbage",
        ] {
            assert_eq!(d(bad, Dmy), None, "input {bad:?}");
        }
        assert_eq!(d(&"1".repeat(1 << 20), Dmy), None);
    }

    #[test]
    fn order_names() {
        assert_eq!(DateOrder::parse("dmy"), Ok(DateOrder::Dmy));
        assert_eq!(DateOrder::parse("MDY"), Ok(DateOrder::Mdy));
        assert_eq!(DateOrder::parse("ISO"), Err(DateError::UnknownOrder("ISO".into())));
    }

    proptest! {
        #[test]
        fn never_panics(s in any::<String>()) {
            let _ = normalize_date(&s, DateOrder::Dmy);
        }

        #[test]
        fn idempotent(s in "[0-9]{1,4}[-/. 年][0-9]{1,2}[-/. 月][0-9]{1,4}日?") {
            for order in [DateOrder::Dmy, DateOrder::Mdy, DateOrder::Ymd] {
                if let Some(date) = normalize_date(&s, order) {
                    prop_assert_eq!(normalize_date(&date.to_string(), order), Some(date));
                }
            }
        }
    }
}
