//! The cleaning trigger's work on one row (every role, the default rules):
//! never panics, and cleaning a cleaned row changes nothing — so a row
//! written back (an UPDATE, a restore) stays as it is.
#![no_main]
use customer_clean_engine::clean::clean_row;
use customer_clean_engine::date::Date;
use customer_clean_engine::profile::{Profile, TableColumn};
use customer_clean_engine::row::{Context, RowLayout};
use customer_clean_engine::rules::{default_rule_specs, Rule};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const COLUMNS: [&str; 12] =
    ["id", "name", "phone", "email", "address", "country", "postcode", "dob", "gender", "cn_id", "city", "province"];

struct Setup {
    profile: Profile,
    layout: RowLayout,
    rules: Vec<Rule>,
}

fn setup() -> &'static Setup {
    static S: OnceLock<Setup> = OnceLock::new();
    S.get_or_init(|| {
        let cols: Vec<TableColumn> = COLUMNS.iter().map(|c| TableColumn { name: c.to_string(), is_text: true }).collect();
        let profile = Profile::parse(
            &serde_json::json!({"id": "id", "name": "name", "phone": "phone", "email": "email", "address": "address",
                "country": "country", "postcode": "postcode", "birth_date": "dob", "gender": "gender",
                "national_id": "cn_id", "city": "city", "province": "province"}),
            &serde_json::json!({"default_region": "CN"}),
            &cols,
        )
        .unwrap();
        let specs = default_rule_specs(&profile);
        let layout = RowLayout::new(&profile, &specs);
        let names: Vec<String> = COLUMNS.map(String::from).to_vec();
        let rules = specs.iter().map(|s| Rule::compile(s, &profile, &layout, &names).unwrap()).collect();
        Setup { profile, layout, rules }
    })
}

fuzz_target!(|s: &str| {
    let st = setup();
    // fields separated by the unit separator; missing ones are NULL
    let mut fields = s.split('\u{1f}');
    let mut row: Vec<Option<String>> = st.layout.columns.iter().map(|_| fields.next().map(str::to_string)).collect();
    let ctx = Context { profile: &st.profile, layout: &st.layout, today: Date::new(2026, 11, 23).unwrap() };
    let _ = clean_row(&mut row, &st.rules, &ctx);
    let cleaned = row.clone();
    let again = clean_row(&mut row, &st.rules, &ctx);
    assert!(again.changes.is_empty(), "cleaning {cleaned:?} again changed {:?}", again.changes);
});
