//! Helpers shared by the engine's examples (benchmarks).

/// Splits RFC 4180 CSV text into records of fields (quoted fields may hold
/// commas, doubled quotes and line breaks).
pub fn parse_csv(text: &str, max_records: usize) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => in_quotes = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                if records.len() == max_records {
                    return records;
                }
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// The header and the first `rows_wanted` records of a CSV file, read from
/// the workspace root or from `engine/`.
pub fn read_csv(file: &str, rows_wanted: usize) -> (Vec<String>, Vec<Vec<String>>) {
    use std::io::Read;
    let path = if std::path::Path::new(file).exists() { file.to_string() } else { format!("../{file}") };
    // Read only as much of the (185 MB) file as the rows need, roughly.
    let mut text = String::new();
    std::fs::File::open(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .take((rows_wanted as u64 + 1) * 400 + 1_000_000)
        .read_to_string(&mut text)
        .or_else(|_| {
            // cut in the middle of a UTF-8 sequence: read the whole file
            text.clear();
            std::fs::File::open(&path).and_then(|mut f| f.read_to_string(&mut text))
        })
        .expect("read CSV");
    let mut records = parse_csv(&text, rows_wanted + 1);
    drop(text);
    let header = records.remove(0);
    if records.len() < rows_wanted {
        eprintln!("only {} rows in {path}", records.len());
    }
    records.truncate(rows_wanted);
    (header, records)
}

/// The profile and default rules that `customer_clean.register` creates for
/// the generated customer table (bench/gen_customers.py).
pub struct CleaningSetup {
    pub profile: customer_clean_engine::profile::Profile,
    pub layout: customer_clean_engine::row::RowLayout,
    pub rules: Vec<customer_clean_engine::rules::Rule>,
}

impl CleaningSetup {
    pub fn new(header: &[String]) -> CleaningSetup {
        use customer_clean_engine::profile::{Profile, TableColumn};
        use customer_clean_engine::row::RowLayout;
        use customer_clean_engine::rules::{default_rule_specs, Rule, RuleSpec};
        use serde_json::json;
        // The table as the catalog describes it and the profile register() stores.
        let table_columns: Vec<TableColumn> = header
            .iter()
            .map(|name| TableColumn {
                name: name.clone(),
                is_text: !matches!(name.as_str(), "id" | "true_entity_id" | "household_id" | "updated_at"),
            })
            .collect();
        let columns = json!({"id": "id", "name": "full_name", "phone": "phone", "email": "email",
            "address": "address", "country": "country", "postcode": "postcode", "birth_date": "birth_date",
            "gender": "gender", "national_id": "national_id", "source": "source_system", "updated_at": "updated_at"});
        let options = json!({"default_region": "CN", "date_order": "DMY"});
        let profile = Profile::parse(&columns, &options, &table_columns).expect("profile");
        let specs: Vec<RuleSpec> = default_rule_specs(&profile);
        let layout = RowLayout::new(&profile, &specs);
        let names: Vec<String> = table_columns.iter().map(|c| c.name.clone()).collect();
        let rules = specs.iter().map(|s| Rule::compile(s, &profile, &layout, &names).expect("rule")).collect();
        CleaningSetup { profile, layout, rules }
    }
}
