//! How the extension spells the objects it works on in SQL: a table's name
//! as SQL shows it, quoted identifiers and literals, and the names of the
//! triggers it puts on customer tables. Imported by every layer (security,
//! journal, the trigger, the catalog), so it imports none of them.

use pgrx::prelude::*;

/// The BEFORE row trigger that cleans each write (src/cleaning.rs).
pub const TRIGGER_NAME: &str = "customer_clean_on_write";
/// The AFTER statement trigger that writes the journal's buffer (src/cleaning.rs).
pub const FLUSH_TRIGGER_NAME: &str = "customer_clean_flush";
/// AFTER INSERT trigger of `match_on_insert`: a statement trigger on one
/// node (src/matching.rs), a row trigger that queues on Citus
/// (src/matching/queue.rs).
pub const MATCH_TRIGGER_NAME: &str = "customer_clean_match";

/// `tbl` as SQL shows it (schema-qualified when not on the search path).
pub fn table_name(tbl: pg_sys::Oid) -> String {
    // Pinned: the row trigger calls this, and triggers run with the
    // writer's search_path.
    crate::guc::pinned_search_path(|| {
        Spi::get_one_with_args::<String>("SELECT $1::pg_catalog.regclass::pg_catalog.text", &[tbl.into()])
    })
    .ok()
    .flatten()
    .unwrap_or_else(|| format!("{}", u32::from(tbl)))
}

/// `text` as an SQL string literal (as `quote_literal` does).
pub fn quote_literal(text: &str) -> String {
    if text.contains('\\') {
        format!("E'{}'", text.replace('\\', "\\\\").replace('\'', "''"))
    } else {
        format!("'{}'", text.replace('\'', "''"))
    }
}

/// `identifier` quoted for SQL (as `quote_ident` does, always quoting).
pub fn quote_identifier(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}
