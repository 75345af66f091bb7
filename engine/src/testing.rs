//! Strategies shared by the engine's property tests.

use proptest::prelude::*;
use serde_json::Value;

/// Arbitrary JSON, three levels deep at most, for parsers of options and
/// rule parameters. Object keys are one of `keys` (the parser's own field
/// names, so that they meet wrong values) or arbitrary; leaves are null,
/// booleans, any number, a fraction around [0, 1], one of `words`, or
/// arbitrary text.
pub fn json_value(keys: &[&'static str], words: &[&'static str]) -> impl Strategy<Value = Value> {
    let mut leaves = vec![
        Just(Value::Null).boxed(),
        any::<bool>().prop_map(Value::from).boxed(),
        any::<i64>().prop_map(Value::from).boxed(),
        any::<u64>().prop_map(Value::from).boxed(),
        any::<f64>().prop_map(Value::from).boxed(),
        (-1.0..2.0f64).prop_map(Value::from).boxed(),
        "(?s).{0,12}".prop_map(Value::from).boxed(),
    ];
    if !words.is_empty() {
        leaves.push(prop::sample::select(words.to_vec()).prop_map(Value::from).boxed());
    }
    let keys = keys.to_vec();
    prop::strategy::Union::new(leaves).prop_recursive(3, 24, 4, move |inner| {
        let key = prop_oneof![prop::sample::select(keys.clone()).prop_map(String::from), "[a-z_]{0,10}"];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(key, inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
