//! `register` (`unregister` is in src/unregister.rs) and the per-backend cache of compiled profiles
//! (engine: `profile`, `rules`).
//!
//! Profiles and rules live in `customer_clean.profiles` / `.rules`, where
//! DBAs edit them with plain SQL. The compiled form (regexes, column
//! positions) is kept per backend, keyed by table, and dropped the way
//! PostgreSQL drops its own relation cache entries: every write to those two
//! tables fires `invalidate_profile_cache`, which queues a relcache
//! invalidation of the customer table; PostgreSQL delivers it to this
//! backend at the next command and to every other backend at commit (or
//! replays it on abort), and [`on_relcache_invalidation`] forgets the entry.
//! ALTER TABLE on the customer table invalidates it the same way. So the
//! trigger's hot path reads no catalog at all, yet every edit applies from
//! the next statement on.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use customer_clean_engine::profile::{Profile, TableColumn};
use customer_clean_engine::row::RowLayout;
use customer_clean_engine::rules::{default_rules, Rule, RuleSpec};
use pgrx::prelude::*;
use pgrx::{JsonB, PgSqlErrorCode};
use serde::Deserialize;

use crate::error::{OrRaise, OrSpiFailed, Report};
use crate::json_arg::Json;
use crate::names::{quote_identifier, table_name};
use crate::table::Table;

/// A column of the customer table, with what the trigger needs to read and
/// write it.
#[derive(Debug, Clone, Deserialize)]
pub struct CatalogColumn {
    pub name: String,
    pub is_text: bool,
    pub attnum: i16,
    /// Longest value a `varchar(n)` column takes, in characters.
    pub max_chars: Option<i32>,
    /// The column's type as SQL spells it (`format_type`).
    pub sql_type: String,
}

/// Everything known about one profiled table (or a partition of one),
/// compiled.
pub struct TableState {
    /// The registered table: what the catalog's records refer to.
    pub tbl: pg_sys::Oid,
    /// Its name as SQL shows it, schema-qualified (a rename invalidates the
    /// cached state, so it stays current).
    pub name: String,
    pub profile: Profile,
    pub layout: RowLayout,
    pub rules: Vec<Rule>,
    /// Attribute number of each layout column, in layout order.
    pub attnums: Vec<i16>,
    pub max_chars: Vec<Option<i32>>,
    /// Position of the id column in the layout, and its SQL type (for
    /// `WHERE id = $1::text::type`).
    pub id_index: usize,
    pub id_type: String,
    /// The cleaning trigger's mode; `None` when cleaning is not enabled.
    pub on_invalid: Option<customer_clean_engine::clean::OnInvalid>,
    /// Salt of the table's match keys (`profiles.key_salt`).
    pub key_salt: u64,
    /// The profile is the copy a Citus worker keeps (src/citus.rs): the
    /// rest of the catalog (model, match keys, clusters) is on the
    /// coordinator, not here.
    pub copied: bool,
    /// The table is a Citus table (its rows are in shards).
    pub citus: bool,
    /// On a shard of a Citus table whose new rows are queued for
    /// `match_pending` (src/matching/queue.rs): the statement that adds
    /// row ids (`$1`, text[]) to this node's shard of the queue.
    pub queue_insert: Option<std::rc::Rc<str>>,
    /// Attribute number of the `originals_column` (profile option), where
    /// the trigger keeps originals instead of `customer_clean.changes`.
    pub originals_attnum: Option<i16>,
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
    tbl: u32,
    columns: serde_json::Value,
    options: serde_json::Value,
    on_invalid: Option<String>,
    key_salt: i64,
    rules: Vec<StoredRule>,
    table_columns: Vec<CatalogColumn>,
    /// The table's match queue (in a Citus profile copy only).
    #[serde(default)]
    match_queue: Option<String>,
}

/// The enabled rules of profile `p`, as a jsonb array (SQL, for `concat!`).
#[macro_export]
macro_rules! rules_of_profile_sql {
    () => {
        "coalesce((SELECT jsonb_agg(jsonb_build_object('rule_id', r.rule_id, 'column_name', r.column_name,
                      'kind', r.kind, 'params', r.params, 'severity', r.severity, 'message', r.message)
                      ORDER BY r.rule_id)
                      FROM customer_clean.rules r WHERE r.tbl = p.tbl AND r.enabled), '[]')"
    };
}

/// The columns of relation `$1` as the trigger needs them, as a jsonb array
/// (SQL, for `concat!`).
#[macro_export]
macro_rules! table_columns_sql {
    () => {
        "(SELECT jsonb_agg(jsonb_build_object('name', a.attname, 'attnum', a.attnum,
                      'is_text', a.atttypid IN ('text'::regtype, 'varchar'::regtype),
                      'max_chars', CASE WHEN a.atttypid = 'varchar'::regtype AND a.atttypmod > 4
                                        THEN a.atttypmod - 4 END,
                      'sql_type', pg_catalog.format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
                      FROM pg_catalog.pg_attribute a
                     WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped)"
    };
}

/// The profile, enabled rules and columns of relation `$1`, as one jsonb.
/// A partition (where the cleaning trigger is cloned) takes the profile of
/// its nearest registered ancestor, and its own columns, whose attribute
/// numbers may differ from the parent's. (A shard of a Citus table takes
/// its table's copy: `citus::load_copied_profile`.)
const LOAD: &str = concat!(
    "SELECT (SELECT jsonb_build_object(
  'tbl', p.tbl::oid::bigint, 'columns', p.columns, 'options', p.options, 'on_invalid', p.on_invalid, 'key_salt', p.key_salt,
  'rules', ",
    rules_of_profile_sql!(),
    ",
  'table_columns', ",
    table_columns_sql!(),
    ")
  FROM customer_clean.profiles p
 WHERE p.tbl = $1
    OR p.tbl IN (SELECT relid FROM pg_catalog.pg_partition_ancestors($1))
 ORDER BY p.tbl = $1 DESC,
          (SELECT count(*) FROM pg_catalog.pg_partition_ancestors(p.tbl)) DESC
 LIMIT 1)"
);

thread_local! {
    static CACHE: RefCell<HashMap<pg_sys::Oid, Rc<TableState>>> = RefCell::new(HashMap::new());
}

impl TableState {
    /// The `originals_column` of the profile (in-row originals), if any.
    pub fn originals_column(&self) -> Option<&str> {
        // (set with originals_attnum: compile resolves one from the other)
        self.profile.options.originals_column.as_deref()
    }

    /// The compiled state of `tbl`, from the cache or read and compiled now.
    /// Raises 22023 when `tbl` is not registered.
    pub fn load(tbl: pg_sys::Oid, caller: &'static str) -> Rc<TableState> {
        TableState::find(tbl, caller).unwrap_or_else(|| {
            if let Some(table) = crate::citus::table_of_shard(tbl) {
                Report::new(
                    PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
                    caller,
                    format!(
                        "the profile of the Citus table {table} has not reached this node (relation {})",
                        table_name(tbl)
                    ),
                )
                .hint(
                    "call customer_clean.enable_cleaning(tbl) on the coordinator again: the profile was registered \
                     before create_distributed_table, or the table was renamed since",
                )
                .raise()
            }
            Report::new(
                PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
                caller,
                format!("table {} is not registered with customer_clean", table_name(tbl)),
            )
            .hint("call customer_clean.register(tbl, columns) first")
            .raise()
        })
    }

    /// The compiled state of `tbl`, or None when it is not registered.
    pub fn find(tbl: pg_sys::Oid, caller: &'static str) -> Option<Rc<TableState>> {
        if STALE.with(|s| s.replace(false)) {
            CACHE.with(|c| c.borrow_mut().clear());
        }
        if let Some(hit) = CACHE.with(|c| c.try_borrow().ok().and_then(|c| c.get(&tbl).cloned())) {
            return Some(hit);
        }
        // As the catalog's owner: roles that write customer tables need no
        // privileges on customer_clean (see src/journal.rs).
        let local = crate::security::as_extension_owner(|| Spi::get_one_with_args::<JsonB>(LOAD, &[tbl.into()]))
            .or_spi_failed(caller);
        let copied = local.is_none();
        let source = match local {
            Some(found) => Some(found),
            None => crate::citus::load_copied_profile(tbl).or_spi_failed(caller),
        }
        .map(|j| j.0.to_string())?;
        let (mut state, match_queue) = TableState::compile(source, caller);
        state.copied = copied;
        if let Some(queue) = match_queue.filter(|_| copied) {
            state.queue_insert = crate::citus::local_queue_insert(tbl, &queue, &state.id_type, caller).map(Into::into);
        }
        state.citus = crate::citus::is_citus_table(tbl);
        state.name = table_name(state.tbl);
        let state = Rc::new(state);
        CACHE.with(|c| {
            if let Ok(mut c) = c.try_borrow_mut() {
                c.insert(tbl, state.clone());
            }
        });
        Some(state)
    }

    /// The state compiled from `source` (see `LOAD`), and the name of the
    /// table's match queue when the source is a Citus copy that has one.
    fn compile(source: String, caller: &'static str) -> (TableState, Option<String>) {
        let stored: Stored = serde_json::from_str(&source).or_spi_failed(caller);
        let engine_columns: Vec<TableColumn> =
            stored.table_columns.iter().map(|c| TableColumn { name: c.name.clone(), is_text: c.is_text }).collect();
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
        let rules = specs.iter().map(|s| Rule::compile(s, &profile, &layout, &names).or_raise(caller)).collect();
        let column = |name: &String| stored.table_columns.iter().find(|c| &c.name == name);
        // Every layout column exists: the profile and the rules were checked
        // against these very columns above.
        let attnums = layout.columns.iter().map(|n| column(n).map_or(0, |c| c.attnum)).collect();
        let max_chars = layout.columns.iter().map(|n| column(n).and_then(|c| c.max_chars)).collect();
        let id_index = layout.index(profile.id_column()).unwrap_or(0);
        let id_type = column(&layout.columns[id_index]).map(|c| c.sql_type.clone()).unwrap_or_default();
        // The profile checked that the column exists; its type may have
        // changed since register.
        let originals_attnum = profile.options.originals_column.as_ref().and_then(column).map(|c| {
            require_jsonb_originals(&c.name, &c.sql_type, caller);
            c.attnum
        });
        let state = TableState {
            tbl: pg_sys::Oid::from(stored.tbl),
            name: String::new(),
            profile,
            layout,
            rules,
            attnums,
            max_chars,
            id_index,
            id_type,
            // (the catalog's CHECK allows only the three names)
            on_invalid: stored.on_invalid.as_deref().and_then(customer_clean_engine::clean::OnInvalid::parse),
            key_salt: stored.key_salt as u64,
            copied: false,
            citus: false,
            queue_insert: None,
            originals_attnum,
        };
        (state, stored.match_queue)
    }
}

/// Registered with PostgreSQL in `_PG_init`: forgets the compiled state of
/// `relid`, or of every table when `relid` is invalid (cache reset).
///
/// # Safety
/// Called by PostgreSQL's invalidation machinery; must not raise.
#[pg_guard]
pub unsafe extern "C-unwind" fn on_relcache_invalidation(_arg: pg_sys::Datum, relid: pg_sys::Oid) {
    // The cache is never borrowed across a call into PostgreSQL, so the
    // borrow cannot fail; if it ever did, keeping a stale entry would be
    // wrong, so the next load starts from an empty cache.
    CACHE.with(|c| match c.try_borrow_mut() {
        Ok(mut c) if relid == pg_sys::Oid::INVALID => c.clear(),
        Ok(mut c) => {
            c.remove(&relid);
        }
        Err(_) => STALE.with(|s| s.set(true)),
    });
}

thread_local! {
    static STALE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// AFTER INSERT OR UPDATE OR DELETE row trigger (and AFTER TRUNCATE
/// statement trigger) on `customer_clean.profiles` and `.rules`: queues a
/// relcache invalidation of the customer table the row belongs to (old and
/// new), which empties every backend's cached compiled profile of it (see
/// the module comment).
#[pg_trigger]
fn invalidate_profile_cache<'a>(
    trigger: &'a PgTrigger<'a>,
) -> Result<Option<PgHeapTuple<'a, pgrx::AllocatedByPostgres>>, PgHeapTupleError> {
    if matches!(trigger.op(), Ok(PgTriggerOperation::Truncate)) {
        // SAFETY: plain function call inside a transaction.
        unsafe { pg_sys::CacheInvalidateRelcacheAll() };
        return Ok(None);
    }
    for row in [trigger.old(), trigger.new()].into_iter().flatten() {
        let Ok(Some(tbl)) = row.get_by_name::<pg_sys::Oid>("tbl") else { continue };
        // The table and its partitions, which carry clones of the trigger;
        // none if the table was dropped (a profile row can outlive it).
        let relations: Vec<pg_sys::Oid> = crate::guc::pinned_search_path(|| {
            Spi::connect(|client| {
                client
                    .select(
                        "SELECT oid FROM pg_catalog.pg_class WHERE oid = $1
                     UNION SELECT relid FROM pg_catalog.pg_partition_tree($1)",
                        None,
                        &[tbl.into()],
                    )?
                    .map(|row| row.get::<pg_sys::Oid>(1))
                    .filter_map(|r| r.transpose())
                    .collect::<Result<Vec<_>, _>>()
            })
        })
        .or_spi_failed("invalidate_profile_cache");
        for relid in relations {
            // SAFETY: the relation exists (just read from pg_class).
            unsafe { pg_sys::CacheInvalidateRelcacheByRelid(relid) };
        }
        // The shards of a Citus table read a copy (src/citus.rs).
        crate::citus::sync_profile(tbl, "invalidate_profile_cache");
    }
    Ok(None)
}

/// The columns of `tbl`, or an error if it is not a plain or partitioned table.
fn catalog_columns(tbl: pg_sys::Oid) -> Vec<TableColumn> {
    let kind =
        Spi::get_one_with_args::<String>("SELECT relkind::text FROM pg_catalog.pg_class WHERE oid = $1", &[tbl.into()])
            .ok()
            .flatten();
    if !matches!(kind.as_deref(), Some("r" | "p")) {
        Report::new(
            PgSqlErrorCode::ERRCODE_WRONG_OBJECT_TYPE,
            "register",
            format!("{} is not a table", table_name(tbl)),
        )
        .hint("customer_clean works on plain and partitioned tables")
        .raise();
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

/// Raises 42804 unless the `originals_column` of a profile is jsonb.
pub fn require_jsonb_originals(column: &str, sql_type: &str, caller: &'static str) {
    if sql_type != "jsonb" {
        Report::new(
            PgSqlErrorCode::ERRCODE_DATATYPE_MISMATCH,
            caller,
            format!("{caller}: originals_column \"{column}\" is {sql_type}, not jsonb"),
        )
        .hint(format!(
            "ALTER TABLE … ALTER COLUMN {} TYPE jsonb USING NULL, or name a jsonb column",
            quote_identifier(column)
        ))
        .raise();
    }
}

/// Raises unless every declared reference of `profile` (the `references`
/// option) names an existing table (42P01) whose columns exist (42703),
/// can hold the values of the columns they refer to (42804), and are not
/// already a foreign key to `tbl` (42710: merge re-points those anyway).
fn check_declared_references(tbl: pg_sys::Oid, profile: &Profile) {
    const FN: &str = "register";
    // The first problem of a reference, as (SQLSTATE, message).
    const PROBLEM: &str = "
        WITH d AS (SELECT c.oid, c.relkind FROM (SELECT pg_catalog.to_regclass($1) AS oid) x
                     LEFT JOIN pg_catalog.pg_class c ON c.oid = x.oid),
             problems AS (
          SELECT 1 AS n, '42P01' AS code, pg_catalog.format('table %s does not exist', $1) AS message FROM d WHERE d.oid IS NULL
          UNION ALL
          SELECT 2, '42809', pg_catalog.format('%s is not a table', d.oid::regclass) FROM d WHERE d.relkind NOT IN ('r', 'p')
          UNION ALL
          SELECT 3, '42703', pg_catalog.format('column %s of %s does not exist', c, d.oid::regclass)
            FROM d CROSS JOIN unnest($2::text[]) c
           WHERE d.oid IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                              WHERE a.attrelid = d.oid AND a.attname = c AND a.attnum > 0 AND NOT a.attisdropped)
          UNION ALL
          SELECT 4, '42804', pg_catalog.format('column %s of %s (%s) cannot hold the values of column %s (%s)',
                                               u.c, d.oid::regclass, pg_catalog.format_type(fa.atttypid, fa.atttypmod),
                                               u.to_column, pg_catalog.format_type(ta.atttypid, ta.atttypmod))
            FROM d CROSS JOIN unnest($2::text[], $3::text[]) u(c, to_column)
            JOIN pg_catalog.pg_attribute fa ON fa.attrelid = d.oid AND fa.attname = u.c AND NOT fa.attisdropped
            JOIN pg_catalog.pg_attribute ta ON ta.attrelid = $4 AND ta.attname = u.to_column AND NOT ta.attisdropped
           WHERE fa.atttypid <> ta.atttypid
             AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_cast k WHERE k.castsource = ta.atttypid
                                AND k.casttarget = fa.atttypid AND k.castcontext IN ('a', 'i'))
             -- (any type is assigned to a string type through its text form)
             AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type ty WHERE ty.oid = fa.atttypid AND ty.typcategory = 'S')
          UNION ALL
          SELECT 5, '42710', pg_catalog.format('%s already refers to it through foreign key %s', d.oid::regclass, c.conname)
            FROM d JOIN pg_catalog.pg_constraint c ON c.conrelid = d.oid
           WHERE c.contype = 'f' AND c.confrelid = $4
             AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) = $2
             AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) = $3)
        SELECT f.code, f.message FROM (SELECT 1) AS one
          LEFT JOIN LATERAL (SELECT code, message FROM problems ORDER BY n LIMIT 1) f ON true";
    for (i, r) in profile.options.references.iter().enumerate() {
        let (code, message) = crate::guc::pinned_search_path(|| {
            Spi::get_two_with_args::<String, String>(
                PROBLEM,
                &[r.table.as_str().into(), r.columns.clone().into(), r.to.clone().into(), tbl.into()],
            )
        })
        .or_spi_failed(FN);
        let (Some(code), Some(message)) = (code, message) else { continue };
        let code = match code.as_str() {
            "42P01" => PgSqlErrorCode::ERRCODE_UNDEFINED_TABLE,
            "42809" => PgSqlErrorCode::ERRCODE_WRONG_OBJECT_TYPE,
            "42703" => PgSqlErrorCode::ERRCODE_UNDEFINED_COLUMN,
            "42804" => PgSqlErrorCode::ERRCODE_DATATYPE_MISMATCH,
            _ => PgSqlErrorCode::ERRCODE_DUPLICATE_OBJECT,
        };
        Report::new(code, FN, format!("{FN}: references: reference {}: {message}", i + 1)).hint("declare only tables that refer to the customer table without a foreign key, by existing columns of matching types").raise();
    }
}

/// Records which column of `tbl` plays which role and creates
/// the default rules for those roles. Registering again replaces the
/// profile and the default rules; rules the DBA added are kept.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn register(tbl: Table, columns: Json, options: default!(Json, "'{}'")) -> i64 {
    let tbl = tbl.oid();
    crate::security::require_table_owner(tbl, "register");
    let table_columns = catalog_columns(tbl);
    let profile = Profile::parse(&columns.0, &options.0, &table_columns).or_raise("register");
    check_declared_references(tbl, &profile);
    if let Some(column) = &profile.options.originals_column {
        let sql_type = Spi::get_one_with_args::<String>(
            "SELECT pg_catalog.format_type(atttypid, atttypmod) FROM pg_catalog.pg_attribute
              WHERE attrelid = $1 AND attname = $2 AND attnum > 0 AND NOT attisdropped",
            &[tbl.into(), column.as_str().into()],
        )
        .or_spi_failed("register")
        .unwrap_or_default();
        require_jsonb_originals(column, &sql_type, "register");
    }
    let defaults = default_rules(&profile);
    let registered_by = crate::security::current_role_name();
    // The profile and its default rules are the extension's bookkeeping,
    // written as its owner (src/security.rs); the caller owns the table.
    crate::security::as_extension_owner(|| {
        Spi::run_with_args(
            "INSERT INTO customer_clean.profiles (tbl, columns, options, registered_by) VALUES ($1, $2, $3, $4)
             ON CONFLICT (tbl) DO UPDATE SET columns = excluded.columns, options = excluded.options,
                    registered_at = now(), registered_by = excluded.registered_by",
            &[tbl.into(), JsonB::from(columns).into(), JsonB::from(options).into(), registered_by.into()],
        )?;
        Spi::run_with_args("DELETE FROM customer_clean.rules WHERE tbl = $1 AND origin = 'default'", &[tbl.into()])?;
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
            )?;
        }
        Ok::<_, pgrx::spi::SpiError>(())
    })
    .or_spi_failed("register");
    defaults.len() as i64
}
