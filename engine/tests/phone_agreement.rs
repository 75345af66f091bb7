//! Agreement of `phone::{normalize_phone, phone_info}` with Google's
//! libphonenumber on a corpus of messy inputs.
//!
//! `tests/data/phone_agreement_sample.csv` is a seeded random draw (not
//! filtered by outcome) from the corpus of `bench/gen_phone_corpus.py`; its
//! expected values come from Python `phonenumbers` 9.0.42, the same
//! libphonenumber metadata as the `rlibphonenumber` crate 2.2.15. Every
//! disagreement is printed (input, region, expected, got) before the test
//! fails, followed by a count per corpus category.
//!
//! `PHONE_AGREEMENT_CORPUS=/path/to/phone_corpus.csv` runs the same check on
//! another file of the same shape, e.g. the full corpus (use `--release`).

use customer_clean_engine::phone::{normalize_phone, phone_info};
use std::path::PathBuf;

/// Minimal RFC 4180 reader: quoted fields, doubled quotes, commas and line
/// breaks inside quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => in_quotes = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                any = false;
            }
            _ => field.push(c),
        }
    }
    if any {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[derive(Debug, PartialEq)]
struct Outcome {
    e164: Option<String>,
    valid: bool,
    kind: String,
}

#[test]
fn agrees_with_libphonenumber_9_0_42() {
    let path = std::env::var_os("PHONE_AGREEMENT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/phone_agreement_sample.csv"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut rows = parse_csv(&text).into_iter();
    let header = rows.next().expect("header row");
    let col = |name: &str| {
        header.iter().position(|h| h == name).unwrap_or_else(|| panic!("column {name} missing in {}", path.display()))
    };
    let (c_id, c_region, c_input, c_cat) = (col("id"), col("region"), col("input"), col("category"));
    let (c_e164, c_valid, c_type) = (col("expected_e164"), col("expected_valid"), col("expected_type"));

    let mut total = 0usize;
    let mut failures = Vec::new();
    let mut by_category = std::collections::BTreeMap::<String, usize>::new();
    for row in rows {
        total += 1;
        let (input, region) = (&row[c_input], &row[c_region]);
        let expected = Outcome {
            e164: Some(row[c_e164].clone()).filter(|s| !s.is_empty()),
            valid: row[c_valid] == "t",
            kind: row[c_type].clone(),
        };
        let normalized = normalize_phone(input, region)
            .unwrap_or_else(|e| panic!("normalize_phone({input:?}, {region:?}) failed: {e}"));
        let info =
            phone_info(input, region).unwrap_or_else(|e| panic!("phone_info({input:?}, {region:?}) failed: {e}"));
        // phone_info is None only for blank input, which is not a valid number.
        let got = match &info {
            Some(i) => Outcome { e164: i.e164.clone(), valid: i.valid, kind: i.kind.to_string() },
            None => Outcome { e164: None, valid: false, kind: "unknown".into() },
        };
        let consistent = normalized == got.e164;
        if got != expected || !consistent {
            // "valid:random_mobile:national+ext" -> "valid:national+ext"
            let cat = &row[c_cat];
            let key = match cat.split(':').collect::<Vec<_>>().as_slice() {
                ["valid", _source, style] => format!("valid:{style}"),
                _ => cat.clone(),
            };
            *by_category.entry(key).or_default() += 1;
            let id: u64 = row[c_id].parse().unwrap_or(0);
            failures.push((
                id,
                format!(
                    "id {} [{}] input {:?} region {}\n    expected {:?}\n    got      {:?}{}",
                    row[c_id],
                    row[c_cat],
                    input,
                    region,
                    expected,
                    got,
                    if consistent {
                        String::new()
                    } else {
                        format!("\n    normalize_phone gave {normalized:?}, phone_info.e164 {:?}", got.e164)
                    }
                ),
            ));
        }
    }
    assert!(total >= 5000, "sample has only {total} rows");
    failures.sort_by_key(|(id, _)| *id);
    for (_, f) in &failures {
        eprintln!("{f}");
    }
    if !failures.is_empty() {
        eprintln!("disagreements by corpus category:");
        for (cat, n) in &by_category {
            eprintln!("  {n:6}  {cat}");
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows disagree with libphonenumber 9.0.42 (listed above)",
        failures.len(),
        total
    );
    eprintln!("{total} rows, 100% agreement with libphonenumber 9.0.42");
}
