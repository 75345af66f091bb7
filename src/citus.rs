//! Citus (issue 19): how a profile registered on the coordinator reaches
//! the shards of a distributed table (docs/citus.md has the decisions).
//!
//! The catalog stays node-local: it keys everything by `tbl regclass`, an
//! OID that differs from node to node, and Citus copies a regclass between
//! nodes as its binary OID (tried: a reference `profiles` table named a
//! shard of another table on the workers). What a shard's trigger needs —
//! the profile and its enabled rules — is therefore copied by name into
//! `customer_clean.distributed_profiles`, a Citus reference table, in the
//! same transaction as the catalog write that changed it (the
//! `invalidate_profile_cache` trigger calls [`sync_profile`]). A row
//! trigger on a worker's shard finds its distributed table through Citus's
//! metadata (`pg_dist_shard`, synced to every node) and reads the copy from
//! the worker's own placement, which Citus allows inside a shard's trigger.
//!
//! Also here: [`with_unsafe_triggers`] for the cleaning triggers' DDL on
//! a Citus table, [`table_of_shard`] for errors that name the table rather
//! than its shard, and [`on_every_node`], through which `forget` and
//! `purge_journal` reach the journal the workers keep. Elsewhere:
//! `quality_tally` (src/quality.rs, summed on the workers), `in_sample`
//! (src/matching.rs, train's sample drawn on the workers), `gather` and the
//! merge helpers (sql/citus.sql).
//!
//! Nothing here runs without Citus: every entry checks [`installed`] first,
//! and SQL naming Citus's catalogs is only parsed when it is there.

use pgrx::prelude::*;
use pgrx::JsonB;

use crate::error::OrSpiFailed;
use crate::guc::pinned_search_path;
use crate::security::as_extension_owner;

/// True when Citus is installed in this database.
pub fn installed() -> bool {
    pinned_search_path(|| {
        Spi::get_one::<bool>("SELECT pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL")
    })
    .ok()
    .flatten()
    .unwrap_or(false)
}

/// True when `tbl` is a Citus table (distributed, reference or Citus
/// local): its rows live in shards, which carry copies of its triggers.
pub fn is_citus_table(tbl: pg_sys::Oid) -> bool {
    installed()
        && pinned_search_path(|| {
            Spi::get_one_with_args::<bool>(
                "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = $1)",
                &[tbl.into()],
            )
        })
        .ok()
        .flatten()
        .unwrap_or(false)
}

/// The profile of `tbl` as a shard's trigger needs it, without OIDs: the
/// roles, options, cleaning mode, key salt and enabled rules.
const PROFILE_COPY: &str = concat!(
    "SELECT n.nspname::text, c.relname::text,
            (SELECT jsonb_build_object('columns', p.columns, 'options', p.options,
                     'on_invalid', p.on_invalid, 'key_salt', p.key_salt,
                     'match_queue', (SELECT pg_catalog.format('%I.%I', qn.nspname, q.relname)
                                       FROM pg_catalog.pg_class q JOIN pg_catalog.pg_namespace qn ON qn.oid = q.relnamespace
                                      WHERE qn.nspname = 'customer_clean' AND q.relname = 'match_queue_' || c.oid::text),
                     'rules', ",
    crate::rules_of_profile_sql!(),
    ") FROM customer_clean.profiles p WHERE p.tbl = c.oid)
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.oid = $1"
);

/// Brings `tbl`'s copy in `distributed_profiles` up to date with the
/// catalog (removes it when `tbl` is no longer registered). Does nothing
/// unless `tbl` is a Citus table. Runs in the caller's transaction, so the
/// copy on every node commits or aborts with the catalog change.
pub fn sync_profile(tbl: pg_sys::Oid, caller: &'static str) {
    if !is_citus_table(tbl) {
        return;
    }
    distribute_catalog(caller);
    as_extension_owner(|| {
        let (schema, name, copy) = Spi::get_three_with_args::<String, String, JsonB>(PROFILE_COPY, &[tbl.into()])?;
        let (Some(schema), Some(name)) = (schema, name) else { return Ok(()) };
        Spi::run_with_args(
            "DELETE FROM customer_clean.distributed_profiles WHERE schema_name = $1 AND table_name = $2",
            &[schema.as_str().into(), name.as_str().into()],
        )?;
        if let Some(copy) = copy {
            Spi::run_with_args(
                "INSERT INTO customer_clean.distributed_profiles (schema_name, table_name, profile) VALUES ($1, $2, $3)",
                &[schema.as_str().into(), name.as_str().into(), copy.into()],
            )?;
        }
        Ok::<_, pgrx::spi::SpiError>(())
    })
    .or_spi_failed(caller);
}

/// Makes the extension's Citus catalog tables Citus tables when a Citus
/// customer table is registered or deduplicated (each on its own, so a
/// cluster upgraded from a version with fewer of them gets the new ones):
/// `distributed_profiles` a reference table, `distributed_match_keys`
/// distributed by key. The trigger of
/// `distributed_profiles` (which empties the compiled profiles of every
/// backend of every node when a copy changes) needs
/// `citus.enable_unsafe_triggers` to be distributed; it touches no other
/// table.
pub fn distribute_catalog(caller: &'static str) {
    const TABLES: [(&str, &str); 2] = [
        ("customer_clean.distributed_profiles", "SELECT pg_catalog.create_reference_table($1::regclass)"),
        (
            "customer_clean.distributed_match_keys",
            "SELECT pg_catalog.create_distributed_table($1::regclass, 'key', colocate_with => 'none')",
        ),
    ];
    for (table, distribute) in TABLES {
        let done = pinned_search_path(|| {
            Spi::get_one_with_args::<bool>(
                "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = $1::regclass)",
                &[table.into()],
            )
        })
        .or_spi_failed(caller)
        .unwrap_or(false);
        if !done {
            with_unsafe_triggers(|| as_extension_owner(|| Spi::run_with_args(distribute, &[table.into()])))
                .or_spi_failed(caller);
        }
    }
}

/// Runs `f` with `citus.enable_unsafe_triggers` on, restored afterwards.
/// Citus refuses triggers on distributed tables without it, because a
/// trigger on a shard that queried another shard could see the wrong rows;
/// the extension's triggers read and write only the node's own catalog
/// tables and the local placement of a reference table.
pub fn with_unsafe_triggers<R>(f: impl FnOnce() -> R) -> R {
    crate::guc::with_setting(c"citus.enable_unsafe_triggers", c"on", f)
}

/// The Citus table that relation `$1` is (itself) or is a shard of, as a
/// query of one `logicalrelid` column; `$2` is the shard id its name ends
/// with (NULL if none), `$3` and `$4` its schema and name. A shard is named
/// `<table>_<shardid>` (Citus shortens long names but keeps the suffix) in
/// its table's schema; shard_name() confirms it.
macro_rules! logical_table_sql {
    () => {
        "SELECT p.logicalrelid FROM pg_catalog.pg_dist_partition p WHERE p.logicalrelid = $1
         UNION ALL
         SELECT s.logicalrelid FROM pg_catalog.pg_dist_shard s
          WHERE s.shardid = $2
            AND pg_catalog.shard_name(s.logicalrelid, s.shardid) IN
                (pg_catalog.quote_ident($4), pg_catalog.quote_ident($3) || '.' || pg_catalog.quote_ident($4))"
    };
}

/// The arguments of [`logical_table_sql`] for `relation`; None when it
/// does not exist.
fn logical_table_args(relation: pg_sys::Oid) -> Option<(Option<i64>, String, String)> {
    let (schema, name) = relation_name(relation)?;
    let shard_id = name.rsplit_once('_').and_then(|(_, id)| id.parse::<i64>().ok());
    Some((shard_id, schema, name))
}

/// The profile of a shard of a Citus table, or of the Citus table itself
/// on a node where it is only a name for its shards (a worker), in the
/// shape `profile::LOAD` gives for a local table: the copy of the table's
/// (or, for a partition, its nearest registered ancestor's) profile, with
/// the relation's own columns. None when `relation` is neither, or the
/// profile has not reached this node.
pub fn load_copied_profile(relation: pg_sys::Oid) -> Result<Option<JsonB>, pgrx::spi::SpiError> {
    // The relation's name comes from the syscache: Citus hides shards
    // from queries on pg_class in most sessions.
    let Some((shard_id, schema, name)) = logical_table_args(relation) else { return Ok(None) };
    if !installed() {
        return Ok(None);
    }
    // The copies are read from this node's placement of the reference
    // table, by its shard's name: Citus refuses a query on a reference
    // table inside a query on a shard (quality_tally on a worker), and
    // would only route it to this placement anyway.
    let copies = local_placement("customer_clean.distributed_profiles");
    const LOAD_COPY: &str = concat!(
        "SELECT (SELECT jsonb_build_object('tbl', l.oid::bigint, 'columns', d.profile->'columns',
                'options', d.profile->'options', 'on_invalid', d.profile->'on_invalid',
                'key_salt', d.profile->'key_salt', 'rules', d.profile->'rules',
                'match_queue', d.profile->'match_queue', 'table_columns', ",
        crate::table_columns_sql!(),
        ")
           FROM (",
        logical_table_sql!(),
        ") AS t
           CROSS JOIN LATERAL (SELECT t.logicalrelid, 0::bigint
                               UNION ALL SELECT * FROM pg_catalog.pg_partition_ancestors(t.logicalrelid) WITH ORDINALITY) AS a(relid, depth)
           JOIN pg_catalog.pg_class l ON l.oid = a.relid
           JOIN pg_catalog.pg_namespace ln ON ln.oid = l.relnamespace
           JOIN {copies} d
             ON d.schema_name = ln.nspname AND d.table_name = l.relname
          ORDER BY a.depth
          LIMIT 1)"
    );
    as_extension_owner(|| {
        Spi::get_one_with_args::<JsonB>(
            &LOAD_COPY.replace("{copies}", &copies),
            &[relation.into(), shard_id.into(), schema.as_str().into(), name.as_str().into()],
        )
    })
}

/// The statement that adds row ids (`$1`, text[] of values of type
/// `id_type`) to the shard of the match queue `queue` co-located with the
/// shard `shard` (src/matching/queue.rs), when that shard is on this node.
/// Written there directly, not through the queue's name: Citus refuses a
/// distributed statement inside a shard's trigger unless it stays on this
/// node, and planning one per statement cost 60 µs a row (tried: 50,000
/// rows took 3.3 s queued that way, 0.19 s not queued). None when `shard`
/// is not a shard, the queue is gone, or its shard is elsewhere.
pub fn local_queue_insert(shard: pg_sys::Oid, queue: &str, id_type: &str, caller: &'static str) -> Option<String> {
    let shard_id = logical_table_args(shard)?.0?;
    let local = pinned_search_path(|| {
        Spi::get_one_with_args::<String>(
            "SELECT pg_catalog.shard_name(q.logicalrelid, q.shardid)
               FROM pg_catalog.pg_dist_shard s
               JOIN pg_catalog.pg_dist_shard q ON q.shardminvalue = s.shardminvalue
              WHERE s.shardid = $1 AND q.logicalrelid = pg_catalog.to_regclass($2)
                AND pg_catalog.to_regclass(pg_catalog.shard_name(q.logicalrelid, q.shardid)) IS NOT NULL",
            &[shard_id.into(), queue.into()],
        )
    })
    .or_spi_failed(caller)?;
    // (shard_name quotes as needed; id_type is format_type's output)
    Some(format!(
        "INSERT INTO {local} (row_id) SELECT r::{id_type} FROM pg_catalog.unnest($1::text[]) AS r ON CONFLICT DO NOTHING"
    ))
}

/// The name of this node's placement of the reference table `table`
/// (`customer_clean.…`), to read it inside a query on a shard, where Citus
/// refuses a query on the reference table itself (and would only route it
/// to this placement anyway); the table's own name where this node holds
/// no placement (a coordinator outside the metadata) or without Citus.
pub fn local_placement(table: &str) -> String {
    if !installed() {
        return table.to_string();
    }
    pinned_search_path(|| {
        Spi::get_one_with_args::<String>(
            "SELECT pg_catalog.shard_name(s.logicalrelid, s.shardid) FROM pg_catalog.pg_dist_shard s
              WHERE s.logicalrelid = $1::pg_catalog.regclass
                AND pg_catalog.to_regclass(pg_catalog.shard_name(s.logicalrelid, s.shardid)) IS NOT NULL",
            &[table.into()],
        )
    })
    .ok()
    .flatten()
    .unwrap_or_else(|| table.to_string())
}

/// The Citus table `relation` belongs to (itself, or the table of which it
/// is a shard), as SQL names it; None without Citus or for other relations.
/// For error messages.
pub fn table_of_shard(relation: pg_sys::Oid) -> Option<String> {
    let (shard_id, schema, name) = logical_table_args(relation)?;
    if !installed() {
        return None;
    }
    pinned_search_path(|| {
        Spi::get_one_with_args::<String>(
            concat!(
                "SELECT (SELECT t.logicalrelid::pg_catalog.regclass::text FROM (",
                logical_table_sql!(),
                ") t LIMIT 1)"
            ),
            &[relation.into(), shard_id.into(), schema.as_str().into(), name.as_str().into()],
        )
    })
    .ok()
    .flatten()
}

/// Runs `command` (a query returning one jsonb object of counts) on every
/// node of the cluster but this one, through Citus's
/// `run_command_on_all_nodes` — on connections of its own, as the current
/// role, committed when it returns — and sums the counts per key. Raises
/// 08000 naming the node when one fails.
pub fn on_every_node(command: &str, caller: &'static str) -> serde_json::Map<String, serde_json::Value> {
    let results = pinned_search_path(|| {
        Spi::get_one_with_args::<JsonB>(
            "SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('node', r.nodeid, 'ok', r.success, 'result', r.result))
               FROM pg_catalog.run_command_on_all_nodes($1) r
              WHERE r.nodeid <> 0  -- this node, when it is not in the metadata
                AND r.nodeid IS DISTINCT FROM (SELECT n.nodeid FROM pg_catalog.pg_dist_node n
                                                WHERE n.groupid = (SELECT g.groupid FROM pg_catalog.pg_dist_local_group g)
                                                LIMIT 1)",
            &[command.into()],
        )
    })
    .or_spi_failed(caller);
    let mut sums = serde_json::Map::new();
    for node in results.map(|j| j.0).and_then(|v| v.as_array().cloned()).unwrap_or_default() {
        let result = node["result"].as_str().unwrap_or_default();
        if node["ok"].as_bool() != Some(true) {
            crate::error::Report::new(
                pgrx::PgSqlErrorCode::ERRCODE_CONNECTION_EXCEPTION,
                caller,
                format!("{caller}: on node {} of the Citus cluster: {result}", node["node"]),
            )
            .hint("check that the node is up and that the current role may log in there")
            .raise();
        }
        let counts: serde_json::Value = serde_json::from_str(result).unwrap_or_default();
        for (k, v) in counts.as_object().into_iter().flatten() {
            let sum = sums.get(k).and_then(serde_json::Value::as_i64).unwrap_or(0) + v.as_i64().unwrap_or(0);
            sums.insert(k.clone(), serde_json::json!(sum));
        }
    }
    sums
}

/// The schema and name of relation `oid`, from the syscache.
fn relation_name(oid: pg_sys::Oid) -> Option<(String, String)> {
    // SAFETY: syscache lookups inside a transaction; both return palloc'd
    // copies or NULL, read at once.
    unsafe {
        let name = pg_sys::get_rel_name(oid);
        if name.is_null() {
            return None;
        }
        let schema = pg_sys::get_namespace_name(pg_sys::get_rel_namespace(oid));
        if schema.is_null() {
            return None;
        }
        Some((
            std::ffi::CStr::from_ptr(schema).to_string_lossy().into_owned(),
            std::ffi::CStr::from_ptr(name).to_string_lossy().into_owned(),
        ))
    }
}

/// AFTER INSERT OR UPDATE OR DELETE row trigger on
/// `customer_clean.distributed_profiles` (fired on every node's placement):
/// a changed copy empties the compiled profiles of every backend of the
/// node, since which shards it serves is not worth working out for a
/// change as rare as a profile's.
#[pg_trigger]
fn invalidate_shard_profiles<'a>(
    _trigger: &'a PgTrigger<'a>,
) -> Result<Option<PgHeapTuple<'a, pgrx::AllocatedByPostgres>>, PgHeapTupleError> {
    // SAFETY: plain function call inside a transaction.
    unsafe { pg_sys::CacheInvalidateRelcacheAll() };
    Ok(None)
}
