//! `register` / `unregister` and the per-backend cache of compiled profiles
//! (engine: `profile`, `rules`).
//!
//! Profiles and rules live in `customer_clean.profiles` / `.rules`, where
//! DBAs edit them with plain SQL. Every statement that cleans rows reads
//! them once ([`TableState::for_statement`]); the compiled form (regexes,
//! column positions) is kept per backend and rebuilt only when what was
//! read differs from what was compiled, so an edit takes effect at the next
//! statement in every session, with no invalidation protocol to get wrong.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use customer_clean_engine::profile::{Profile, TableColumn};
use customer_clean_engine::rules::{default_rules, Rule, RowLayout, RuleSpec};
use pgrx::prelude::*;
use pgrx::{JsonB, PgRelation, PgSqlErrorCode};
use serde::Deserialize;

use crate::error::{raise_with, spi_failed, OrRaise};

/// A column of the customer table, with what the trigger needs to read and
/// write it.
#[derive(Debug, Clone, Deserialize)]
pub struct CatalogColumn {
    pub name: String,
    pub is_text: bool,
    pub attnum: i16,
    /// Longest value a `varchar(n)` column takes, in characters.
    pub max_chars: Option<i32>,
}

/// Everything known about one profiled table, compiled.
pub struct TableState {
    pub profile: Profile,
    pub layout: RowLayout,
    pub rules: Vec<Rule>,
    /// Attribute number of each layout column, in layout order.
    pub attnums: Vec<i16>,
    pub max_chars: Vec<Option<i32>>,
    pub on_invalid: Option<String>,
    source: String,
}

#[derive(Deserialize)]
struct StoredRule {
    rule_id: i64,
    column_name: String,
    kind: String,
    params: serde_json::Value,
    severity: String,
    message: Option<String>,
}

#[derive(Deserialize)]
struct Stored {
    columns: serde_json::Value,
    options: serde_json::Value,
    on_invalid: Option<String>,
    rules: Vec<StoredRule>,
    table_columns: Vec<CatalogColumn>,
}

/// The profile, enabled rules and columns of `tbl`, as one jsonb.
const LOAD: &str = r#"
SELECT (SELECT jsonb_build_object(
  'columns', p.columns, 'options', p.options, 'on_invalid', p.on_invalid,
  'rules', coalesce((SELECT jsonb_agg(jsonb_build_object('rule_id', r.rule_id, 'column_name', r.column_name,
                      'kind', r.kind, 'params', r.params, 'severity', r.severity, 'message', r.message)
                      ORDER BY r.rule_id)
                      FROM customer_clean.rules r WHERE r.tbl = p.tbl AND r.enabled), '[]'),
  'table_columns', (SELECT jsonb_agg(jsonb_build_object('name', a.attname, 'attnum', a.attnum,
                      'is_text', a.atttypid IN ('text'::regtype, 'varchar'::regtype),
                      'max_chars', CASE WHEN a.atttypid = 'varchar'::regtype AND a.atttypmod > 4
                                        THEN a.atttypmod - 4 END) ORDER BY a.attnum)
                      FROM pg_catalog.pg_attribute a
                     WHERE a.attrelid = p.tbl AND a.attnum > 0 AND NOT a.attisdropped))
  FROM customer_clean.profiles p WHERE p.tbl = $1)"#;

thread_local! {
    static CACHE: RefCell<HashMap<pg_sys::Oid, Rc<TableState>>> = RefCell::new(HashMap::new());
}

impl TableState {
    /// The current state of `tbl`: read from the catalog, compiled again
    /// only if it changed. Raises 22023 when `tbl` is not registered.
    pub fn load(tbl: pg_sys::Oid, caller: &'static str) -> Rc<TableState> {
        let source = Spi::get_one_with_args::<JsonB>(LOAD, &[tbl.into()])
            .unwrap_or_else(|e| spi_failed(caller, e))
            .map(|j| j.0.to_string());
        let Some(source) = source else {
            raise_with(
                PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
                format!("table {} is not registered with customer_clean", table_name(tbl)),
                "call customer_clean.register(tbl, columns) first".into(),
                caller,
            )
        };
        if let Some(hit) = CACHE.with(|c| c.borrow().get(&tbl).filter(|s| s.source == source).cloned()) {
            return hit;
        }
        let state = Rc::new(TableState::compile(source, caller));
        CACHE.with(|c| c.borrow_mut().insert(tbl, state.clone()));
        state
    }

    fn compile(source: String, caller: &'static str) -> TableState {
        let stored: Stored = serde_json::from_str(&source)
            .unwrap_or_else(|e| spi_failed(caller, e));
        let engine_columns: Vec<TableColumn> = stored
            .table_columns
            .iter()
            .map(|c| TableColumn { name: c.name.clone(), is_text: c.is_text })
            .collect();
        let profile = Profile::parse(&stored.columns, &stored.options, &engine_columns).or_raise(caller);
        let specs: Vec<RuleSpec> = stored
            .rules
            .into_iter()
            .map(|r| RuleSpec {
                rule_id: r.rule_id,
                column: r.column_name,
                kind: r.kind,
                params: r.params,
                severity: r.severity,
                message: r.message,
            })
            .collect();
        let layout = RowLayout::new(&profile, &specs);
        let names: Vec<String> = engine_columns.iter().map(|c| c.name.clone()).collect();
        let rules = specs
            .iter()
            .map(|s| Rule::compile(s, &profile, &layout, &names).or_raise(caller))
            .collect();
        let column = |name: &String| stored.table_columns.iter().find(|c| &c.name == name);
        // Every layout column exists: the profile and the rules were checked
        // against these very columns above.
        let attnums = layout.columns.iter().map(|n| column(n).map_or(0, |c| c.attnum)).collect();
        let max_chars = layout.columns.iter().map(|n| column(n).and_then(|c| c.max_chars)).collect();
        TableState { profile, layout, rules, attnums, max_chars, on_invalid: stored.on_invalid, source }
    }
}

/// `tbl` as SQL shows it (schema-qualified when not on the search path).
pub fn table_name(tbl: pg_sys::Oid) -> String {
    Spi::get_one_with_args::<String>("SELECT $1::regclass::text", &[tbl.into()])
        .ok()
        .flatten()
        .unwrap_or_else(|| format!("{}", u32::from(tbl)))
}

/// The columns of `tbl`, or an error if it is not a plain or partitioned table.
fn catalog_columns(tbl: pg_sys::Oid) -> Vec<TableColumn> {
    let kind = Spi::get_one_with_args::<String>(
        "SELECT relkind::text FROM pg_catalog.pg_class WHERE oid = $1",
        &[tbl.into()],
    )
    .ok()
    .flatten();
    if !matches!(kind.as_deref(), Some("r" | "p")) {
        raise_with(
            PgSqlErrorCode::ERRCODE_WRONG_OBJECT_TYPE,
            format!("{} is not a table", table_name(tbl)),
            "customer_clean works on plain and partitioned tables".into(),
            "register",
        );
    }
    let json = Spi::get_one_with_args::<JsonB>(
        "SELECT jsonb_agg(jsonb_build_object('name', attname,
                'is_text', atttypid IN ('text'::regtype, 'varchar'::regtype)) ORDER BY attnum)
           FROM pg_catalog.pg_attribute WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped",
        &[tbl.into()],
    )
    .ok()
    .flatten()
    .map(|j| j.0)
    .unwrap_or_default();
    json.as_array()
        .map(|cols| {
            cols.iter()
                .map(|c| TableColumn {
                    name: c["name"].as_str().unwrap_or_default().to_string(),
                    is_text: c["is_text"].as_bool().unwrap_or(false),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Records which column of `tbl` plays which role (SPEC §2.2) and creates
/// the default rules for those roles. Registering again replaces the
/// profile and the default rules; rules the DBA added are kept.
#[pg_extern(volatile, strict, parallel_unsafe)]
fn register(tbl: PgRelation, columns: JsonB, options: default!(JsonB, "'{}'")) -> i64 {
    let tbl = tbl.oid();
    let table_columns = catalog_columns(tbl);
    let profile = Profile::parse(&columns.0, &options.0, &table_columns).or_raise("register");
    Spi::run_with_args(
        "INSERT INTO customer_clean.profiles (tbl, columns, options) VALUES ($1, $2, $3)
         ON CONFLICT (tbl) DO UPDATE SET columns = excluded.columns, options = excluded.options,
                registered_at = now(), registered_by = current_user",
        &[tbl.into(), columns.into(), options.into()],
    )
    .unwrap_or_else(|e| spi_failed("register", e));
    Spi::run_with_args(
        "DELETE FROM customer_clean.rules WHERE tbl = $1 AND origin = 'default'",
        &[tbl.into()],
    )
    .unwrap_or_else(|e| spi_failed("register", e));
    let defaults = default_rules(&profile);
    for (column, kind, params, severity) in &defaults {
        Spi::run_with_args(
            "INSERT INTO customer_clean.rules (tbl, column_name, kind, params, severity, origin)
             VALUES ($1, $2, $3, $4, $5, 'default')",
            &[
                tbl.into(),
                column.as_str().into(),
                (*kind).into(),
                JsonB(params.clone()).into(),
                severity.as_str().into(),
            ],
        )
        .unwrap_or_else(|e| spi_failed("register", e));
    }
    defaults.len() as i64
}

/// Forgets `tbl`'s profile and rules, after removing its cleaning trigger.
/// What cleaning recorded (issues, changes, quarantine) is kept.
#[pg_extern(volatile, strict, parallel_unsafe)]
fn unregister(tbl: PgRelation) -> bool {
    let tbl = tbl.oid();
    crate::cleaning::drop_trigger(tbl);
    Spi::get_one_with_args::<bool>(
        "WITH d AS (DELETE FROM customer_clean.profiles WHERE tbl = $1 RETURNING 1) SELECT count(*) > 0 FROM d",
        &[tbl.into()],
    )
    .ok()
    .flatten()
    .unwrap_or(false)
}
