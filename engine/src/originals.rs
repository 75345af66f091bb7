//! In-row originals: what the `originals_column` of a table (profile
//! option) keeps, instead of one `customer_clean.changes` row per write.
//!
//! The column holds a jsonb object with one entry per value cleaning
//! changed and nobody rewrote since:
//! `{"phone": {"original": "138 1234 5678", "normalized": "+8613812345678"}}`,
//! NULL when there is none. Writing it costs the trigger a bigger tuple
//! instead of an INSERT into the journal; it keeps the latest originals of
//! a row, not the history of its writes (who, when: the journal's job).
//! `undo_change(tbl, row_id)` puts the originals back ([`undo`]).

use serde_json::{Map, Value};

use crate::clean::Change;

/// The originals a row keeps after a write: `previous` (the row's entries
/// before an UPDATE or a `clean_table` pass; `None` for an INSERT),
/// `changes` (what cleaning changed in this write), and the values as they
/// will be stored, in the order of `columns` (the table's layout).
///
/// - A value this write changed gets an entry. If the value written is
///   what cleaning stored before (the row was cleaned again, under another
///   profile), its original stays the first one: undo goes back to what
///   the application wrote.
/// - An entry of a column this write did not change stays while the
///   column still holds the normalized value; a value written since
///   replaced it, and its entry goes.
///
/// `None` when no entry is left (the column is NULL).
pub fn carry(
    previous: Option<&Map<String, Value>>,
    columns: &[String],
    stored: &[Option<String>],
    changes: &[Change],
) -> Option<Map<String, Value>> {
    let mut out = Map::new();
    if let Some(previous) = previous {
        for (column, entry) in previous {
            if changes.iter().any(|c| &c.column == column) {
                continue;
            }
            let still_there = match columns.iter().position(|c| c == column) {
                Some(i) => stored[i].as_deref() == normalized_of(entry),
                // Not a profiled column now: kept, undo compares it with
                // the row before it writes anything.
                None => true,
            };
            if still_there {
                out.insert(column.clone(), entry.clone());
            }
        }
    }
    for c in changes {
        let earlier = previous.and_then(|p| p.get(&c.column)).filter(|e| normalized_of(e) == Some(c.original.as_str()));
        let original = match earlier.and_then(|e| e.get("original")) {
            Some(first) => first.clone(),
            None => Value::String(c.original.clone()),
        };
        out.insert(c.column.clone(), entry(original, &c.normalized));
    }
    (!out.is_empty()).then_some(out)
}

fn entry(original: Value, normalized: &str) -> Value {
    let mut e = Map::new();
    e.insert("original".into(), original);
    e.insert("normalized".into(), Value::String(normalized.to_string()));
    Value::Object(e)
}

fn normalized_of(entry: &Value) -> Option<&str> {
    entry.get("normalized").and_then(Value::as_str)
}

/// Why [`undo`] refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UndoRefused {
    /// The column holds no originals object (NULL: nothing to undo).
    #[error("there is nothing to undo")]
    Nothing,
    /// An entry is not `{"original": text, "normalized": text}`.
    #[error("the entry of column \"{0}\" is not an {{original, normalized}} pair")]
    Malformed(String),
    /// The table has no such column any more.
    #[error("column \"{0}\" of an entry does not exist")]
    MissingColumn(String),
    /// Values written since cleaning wrote them: `column is now X
    /// (cleaning wrote Y)`, one line per column.
    #[error("the row changed since it was cleaned")]
    Moved(Vec<String>),
}

/// The (column, original value) pairs that undo the entries `originals`
/// on the row `current` (column → value, as `to_jsonb(row)`), if the row
/// still holds every normalized value; the whole undo or nothing, so that
/// a row never ends up half restored.
pub fn undo(originals: &Value, current: &Map<String, Value>) -> Result<Vec<(String, String)>, UndoRefused> {
    let entries = match originals {
        Value::Object(m) if !m.is_empty() => m,
        _ => return Err(UndoRefused::Nothing),
    };
    let mut restore = Vec::with_capacity(entries.len());
    let mut moved = Vec::new();
    for (column, e) in entries {
        let (Some(normalized), Some(original)) = (normalized_of(e), e.get("original").and_then(Value::as_str)) else {
            return Err(UndoRefused::Malformed(column.clone()));
        };
        let Some(now) = current.get(column) else {
            return Err(UndoRefused::MissingColumn(column.clone()));
        };
        if now.as_str() != Some(normalized) {
            moved.push(format!("{column} is now {now} (cleaning wrote {})", Value::String(normalized.to_string())));
        }
        restore.push((column.clone(), original.to_string()));
    }
    if moved.is_empty() {
        Ok(restore)
    } else {
        Err(UndoRefused::Moved(moved))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn change(index: usize, column: &str, original: &str, normalized: &str) -> Change {
        Change { index, column: column.into(), original: original.into(), normalized: normalized.into() }
    }

    fn cols() -> Vec<String> {
        vec!["id".into(), "phone".into(), "email".into()]
    }

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn an_insert_keeps_the_originals_of_what_cleaning_changed() {
        let stored = [Some("1".into()), Some("+8613812345678".into()), Some("a@b.cn".into())];
        let out = carry(None, &cols(), &stored, &[change(1, "phone", "138 1234 5678", "+8613812345678")]);
        assert_eq!(
            out.map(Value::Object),
            Some(json!({"phone": {"original": "138 1234 5678", "normalized": "+8613812345678"}}))
        );
        assert_eq!(carry(None, &cols(), &stored, &[]), None);
    }

    #[test]
    fn an_update_keeps_untouched_entries_and_drops_rewritten_ones() {
        let before = map(json!({
            "phone": {"original": "138 1234 5678", "normalized": "+8613812345678"},
            "email": {"original": " A@B.CN ", "normalized": "a@b.cn"}}));
        // phone untouched (still the normalized value), e-mail rewritten clean
        let stored = [Some("1".into()), Some("+8613812345678".into()), Some("c@d.cn".into())];
        assert_eq!(
            carry(Some(&before), &cols(), &stored, &[]).map(Value::Object),
            Some(json!({"phone": {"original": "138 1234 5678", "normalized": "+8613812345678"}}))
        );
        // e-mail rewritten dirty: its new original replaces the old one
        let out = carry(Some(&before), &cols(), &stored, &[change(2, "email", "C@D.CN", "c@d.cn")]);
        assert_eq!(out.unwrap()["email"], json!({"original": "C@D.CN", "normalized": "c@d.cn"}));
        // both rewritten clean: nothing left
        let clean = [Some("1".into()), Some("+8613900000000".into()), Some("c@d.cn".into())];
        assert_eq!(carry(Some(&before), &cols(), &clean, &[]), None);
    }

    #[test]
    fn cleaning_a_cleaned_value_again_keeps_the_first_original() {
        let before = map(json!({"phone": {"original": "138 1234 5678", "normalized": "13812345678"}}));
        let stored = [Some("1".into()), Some("+8613812345678".into()), None];
        let out = carry(Some(&before), &cols(), &stored, &[change(1, "phone", "13812345678", "+8613812345678")]);
        assert_eq!(out.unwrap()["phone"], json!({"original": "138 1234 5678", "normalized": "+8613812345678"}));
    }

    #[test]
    fn entries_of_columns_out_of_the_profile_stay() {
        let before = map(json!({"fax": {"original": "x", "normalized": "y"}}));
        let stored = [Some("1".into()), None, None];
        assert_eq!(carry(Some(&before), &cols(), &stored, &[]), Some(before.clone()));
    }

    #[test]
    fn undo_restores_every_entry_or_none() {
        let originals = json!({
            "phone": {"original": "138 1234 5678", "normalized": "+8613812345678"},
            "email": {"original": " A@B.CN", "normalized": "a@b.cn"}});
        let row = map(json!({"id": 1, "phone": "+8613812345678", "email": "a@b.cn"}));
        assert_eq!(
            undo(&originals, &row),
            Ok(vec![("email".into(), " A@B.CN".into()), ("phone".into(), "138 1234 5678".into())])
        );
        let moved = map(json!({"id": 1, "phone": "+8613900000000", "email": "a@b.cn"}));
        assert_eq!(
            undo(&originals, &moved),
            Err(UndoRefused::Moved(vec!["phone is now \"+8613900000000\" (cleaning wrote \"+8613812345678\")".into()]))
        );
        assert_eq!(undo(&Value::Null, &row), Err(UndoRefused::Nothing));
        assert_eq!(undo(&json!({}), &row), Err(UndoRefused::Nothing));
        assert_eq!(undo(&json!({"phone": "x"}), &row), Err(UndoRefused::Malformed("phone".into())));
        for original in [json!(5), Value::Null] {
            assert_eq!(
                undo(&json!({"phone": {"original": original, "normalized": "+8613812345678"}}), &row),
                Err(UndoRefused::Malformed("phone".into()))
            );
        }
        assert_eq!(
            undo(&json!({"fax": {"original": "1", "normalized": "2"}}), &row),
            Err(UndoRefused::MissingColumn("fax".into()))
        );
    }
}
