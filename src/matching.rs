//! Matching from SQL (docs/functions.md, "Matching"): `train`, `match_probability`,
//! `explain_match`, `find_duplicates`, `dedupe` and `match_row`.
//!
//! The work is in the engine (`customer_clean_engine::matching`); this
//! module reads the profiled columns of a table through SPI, hands them
//! over, and writes models, match keys, clusters and review pairs back with
//! a few set-based statements. Long steps send a NOTICE with their progress
//! every few seconds and can be cancelled (the check runs between rounds of
//! work, when no worker thread is running).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::time::{Duration, Instant};

use customer_clean_engine::matching::cluster::ClusterOptions;
use customer_clean_engine::matching::dedupe::{self, DedupeOptions};
use customer_clean_engine::matching::external::{for_each_pair_with_records, Budget, ExternalDedupe, Prepared};
use customer_clean_engine::matching::join::{join_steps, Member, Step};
use customer_clean_engine::matching::model::{name_counts, NameFrequency, Progress, RowSample};
use customer_clean_engine::matching::spill::{ExternalSorter, SpillError};
use customer_clean_engine::matching::store::StoreError;
use customer_clean_engine::matching::{blocking, parallel, Model, Record, RecordSchema, TrainOptions};
use pgrx::prelude::*;
use pgrx::{JsonB, PgSqlErrorCode};
use serde_json::{json, Value};

pub(crate) mod distributed;
pub(crate) mod incremental;
pub(crate) mod queue;

use crate::bulk_copy;
use crate::error::{spi_failed, OrRaise, OrSpiFailed, Report};
use crate::json_arg::Json;
use crate::memory;
use crate::names::{quote_identifier as quote, table_name};
use crate::plans;
use crate::profile::TableState;
use crate::table::Table;
use crate::temp_file::TempFile;

/// Rows read from the table per SPI fetch (a cancel is noticed between
/// fetches: 10,000 rows take well under a second even in a debug build).
const FETCH_ROWS: i64 = 10_000;
/// Rows (or values) written per INSERT.
const WRITE_ROWS: usize = 50_000;
/// Memory a batch job holds whatever the table's size: a fetch of rows
/// and their prepared records.
const FIXED_BYTES: usize = 32 << 20;
/// At most this many candidates are scored per `match_row` call.
const MAX_CANDIDATES: i64 = 1_000;

/// The profiled table, what matching reads of it, and its salt for keys.
struct Target {
    oid: pg_sys::Oid,
    name: String,
    schema: RecordSchema,
    /// `SELECT id::text, <role columns>::text FROM <table> t`
    select: String,
    /// `id::text, <role columns>::text`, the list of `select`.
    select_list: String,
    id_column: String,
    id_type: String,
    /// Column name of each role read, in `schema.roles` order.
    columns: Vec<String>,
    salt: u64,
    /// A Citus table (`TableState::citus`).
    citus: bool,
    /// The SQL function working on it, named by its errors.
    caller: &'static str,
}

impl Target {
    fn new(tbl: &Table, caller: &'static str) -> Target {
        let oid = tbl.oid();
        let state = TableState::load(oid, caller);
        if state.copied {
            // Citus ran this call on a worker: it sends a whole statement
            // there when the statement reads one shard of a distributed
            // table (`match_row(tbl, (SELECT … WHERE id = 5))`).
            Report::new(
                PgSqlErrorCode::ERRCODE_FEATURE_NOT_SUPPORTED,
                caller,
                format!(
                    "{caller}: {} is a Citus table and this call ran on a worker, where Citus sent it with the \
                     statement; its model and match keys are on the coordinator",
                    state.name
                ),
            )
            .hint(
                "call it in a statement that reads no distributed table: read the row first, then pass its values \
                 or id as constants",
            )
            .raise();
        }
        let schema = RecordSchema::from_profile(&state.profile, crate::date::today());
        let columns: Vec<String> = schema
            .roles
            .iter()
            .map(|r| state.profile.column(*r).map(|b| b.column.clone()).unwrap_or_default())
            .collect();
        let name = table_name(oid);
        let id_column = state.profile.id_column().to_string();
        let mut list = vec![format!("t.{}::text", quote(&id_column))];
        list.extend(columns.iter().map(|c| format!("t.{}::text", quote(c))));
        Target {
            oid,
            select: format!("SELECT {} FROM {name} t", list.join(", ")),
            select_list: list.join(", "),
            name,
            schema,
            id_column,
            id_type: state.id_type.clone(),
            columns,
            salt: state.key_salt,
            citus: state.citus,
            caller,
        }
    }

    /// Raises 42501 when row-level security hides rows of the table from
    /// the caller. `train` and `dedupe` are whole-table jobs: from a
    /// partial view they would learn a model for everyone, and replace the
    /// clusters, review pairs and match keys of rows the caller cannot see.
    fn require_whole_table(&self, caller: &'static str) {
        let restricted_role = Spi::get_one_with_args::<String>(
            "SELECT CASE WHEN row_security_active($1) THEN current_user::text END",
            &[self.oid.into()],
        )
        .or_spi_failed(caller);
        if let Some(role) = restricted_role {
            Report::new(
                PgSqlErrorCode::ERRCODE_INSUFFICIENT_PRIVILEGE,
                caller,
                format!("{caller}: row-level security hides rows of {} from role {role}", self.name),
            )
            .hint(format!(
                "{caller} works on the whole table; run it as the table's owner or as a role with BYPASSRLS \
                     (match_row, find_duplicates, match_probability and explain_match see only the rows you may see)"
            ))
            .raise();
        }
    }

    /// The profile's own salt (`profiles.key_salt`), not the table's OID:
    /// stored keys must still match after a dump and restore, where the
    /// table gets a new OID.
    fn salt(&self) -> u64 {
        self.salt
    }

    /// The rows `ids` as stored now (those the caller can see), prepared.
    fn read_ids(&self, ids: &[String], caller: &'static str) -> Vec<(String, Record)> {
        self.read_values(ids, caller).into_iter().map(|(id, values)| (id, self.prepare(&values))).collect()
    }

    /// The values of rows `ids` as stored now (those the caller can see),
    /// in the order of `ids` (the order the rows were written in).
    fn read_values(&self, ids: &[String], caller: &'static str) -> Vec<(String, Vec<Option<String>>)> {
        self.select_ids(ids, true, caller)
    }

    /// The same, in the order of the table's id (that of a full `dedupe`).
    fn read_values_in_table_order(&self, ids: &[String], caller: &'static str) -> Vec<(String, Vec<Option<String>>)> {
        self.select_ids(ids, false, caller)
    }

    /// Rows `ids`, found through the id's index (`= ANY`: a join with the
    /// unnested ids was planned as a scan of the whole table), in the
    /// table's id order or, with `in_given_order`, in that of `ids`.
    fn select_ids(
        &self,
        ids: &[String],
        in_given_order: bool,
        caller: &'static str,
    ) -> Vec<(String, Vec<Option<String>>)> {
        if ids.is_empty() {
            return vec![];
        }
        let id = quote(&self.id_column);
        let sql = format!("{} WHERE t.{id} = ANY ($1::text[]::{}[]) ORDER BY t.{id}", self.select, self.id_type);
        let width = self.columns.len();
        let mut out = Spi::connect(|client| {
            let mut out = Vec::new();
            for row in client.select(&sql, None, &[ids.to_vec().into()])? {
                let id = row.get::<String>(1)?.unwrap_or_default();
                let values: Vec<Option<String>> =
                    (2..=width + 1).map(|i| row.get::<String>(i)).collect::<Result<_, _>>()?;
                out.push((id, values));
            }
            Ok::<_, pgrx::spi::SpiError>(out)
        })
        .or_spi_failed(caller);
        if in_given_order {
            let position: HashMap<&str, usize> = ids.iter().enumerate().rev().map(|(i, id)| (id.as_str(), i)).collect();
            out.sort_by_key(|(id, _)| position.get(id.as_str()).copied().unwrap_or(usize::MAX));
        }
        out
    }

    /// Rows with a non-NULL id (those the caller can see).
    fn count_rows(&self, caller: &'static str) -> usize {
        let sql = format!("SELECT count(*) FROM ({} WHERE t.{} IS NOT NULL) s", self.select, quote(&self.id_column));
        Spi::get_one::<i64>(&sql).or_spi_failed(caller).unwrap_or(0) as usize
    }

    /// Every row with a non-NULL id, prepared for matching. Preparing a
    /// batch (parsing names, e-mails, dates) runs on worker threads while
    /// the next batch is fetched through SPI on this one.
    fn read_all(&self, threads: usize, progress: Progress) -> (Vec<String>, Vec<Record>) {
        let mut ids = Vec::new();
        let mut records = Vec::new();
        self.read_rows(threads, progress, None, None, |t, values| t.prepare(values), &mut |id, record| {
            ids.push(id);
            records.push(record);
        });
        // Vecs grow by doubling: up to half of what they hold is spare
        // room, which counts against batch_memory.
        records.shrink_to_fit();
        ids.shrink_to_fit();
        (ids, records)
    }

    /// Every row with a non-NULL id whose id `keep` keeps, in id order,
    /// made into a `T` by `prepare` on worker threads (while the next batch
    /// is fetched through SPI on this one) and handed to `each` with its id
    /// here. `extra_column`, an SQL expression over `t`, is read as the
    /// last of the values.
    fn read_rows<T: Send>(
        &self,
        threads: usize,
        progress: Progress,
        extra_column: Option<&str>,
        sample: Option<&RowSample>,
        prepare: impl Fn(&Target, &[Option<String>]) -> T + Sync,
        each: &mut dyn FnMut(String, T),
    ) {
        // In id order: the random pairs of `train` are drawn by position,
        // and the same seed must give the same model whatever the physical
        // order of the rows.
        let id = quote(&self.id_column);
        let extra = extra_column.map(|c| format!(", {c}")).unwrap_or_default();
        // The sample is drawn in SQL, where the rows are: unsampled rows
        // are never converted to text, and on a Citus table never leave
        // their worker.
        let sampled = sample
            .map(|s| {
                let (seed, threshold) = s.parts();
                format!(" AND customer_clean.in_sample(t.{id}::text, {}, {})", seed as i64, threshold as i64)
            })
            .unwrap_or_default();
        let sql = format!(
            "SELECT {}{extra} FROM {} t WHERE t.{id} IS NOT NULL{sampled} ORDER BY t.{id}",
            self.select_list, self.name
        );
        let width = self.columns.len() + usize::from(extra_column.is_some());
        // Preparing a row costs several times what fetching it does, so
        // every core prepares; this thread mostly waits for them.
        let workers = threads.max(1);
        let prepare = &prepare;
        let mut read = 0;
        std::thread::scope(|scope| {
            let join = |h: std::thread::ScopedJoinHandle<'_, Vec<T>>| {
                h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
            };
            Spi::connect(|client| {
                let mut cursor = client.open_cursor(&sql, &[]);
                let mut pending: Option<(Vec<String>, _)> = None;
                loop {
                    let batch = cursor.fetch(FETCH_ROWS)?;
                    if batch.is_empty() {
                        break;
                    }
                    let mut ids: Vec<String> = Vec::with_capacity(batch.len());
                    let mut rows: Vec<Vec<Option<String>>> = Vec::with_capacity(batch.len());
                    read += batch.len();
                    for row in batch {
                        ids.push(row.get::<String>(1)?.unwrap_or_default());
                        rows.push((2..=width + 1).map(|i| row.get::<String>(i)).collect::<Result<_, _>>()?);
                    }
                    memory::free_fetched_rows();
                    // This batch is prepared while the previous one is
                    // handed to `each` and the next one fetched.
                    let prepared = scope.spawn(move || {
                        let chunk = rows.len().div_ceil(workers);
                        parallel::map(&rows, workers, chunk, |v| prepare(self, v), &mut |_| {})
                    });
                    if let Some((ids, h)) = pending.replace((ids, prepared)) {
                        ids.into_iter().zip(join(h)).for_each(|(id, t)| each(id, t));
                    }
                    // May raise a cancel: the scope then waits for the
                    // worker, which touches nothing of PostgreSQL.
                    progress("reading rows", read, 0);
                }
                if let Some((ids, h)) = pending.take() {
                    ids.into_iter().zip(join(h)).for_each(|(id, t)| each(id, t));
                }
                progress("reading rows", read, read);
                Ok::<_, pgrx::spi::SpiError>(())
            })
        })
        .or_spi_failed(self.caller);
    }

    fn prepare(&self, values: &[Option<String>]) -> Record {
        let refs: Vec<Option<&str>> = values.iter().map(|v| v.as_deref()).collect();
        self.schema.record(&refs)
    }

    /// A row given as a jsonb object keyed by column name: its id (if
    /// any) and the record. Numbers and other JSON values count as their
    /// JSON text, `null` as no value.
    fn record_of_json(&self, object: &serde_json::Map<String, Value>) -> (Option<String>, Record) {
        let text = |column: &str| match object.get(column)? {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            other => Some(other.to_string()),
        };
        let values: Vec<Option<String>> = self.columns.iter().map(|c| text(c)).collect();
        (text(&self.id_column), self.prepare(&values))
    }

    /// The row with id `row_id`; raises P0002 when there is none.
    fn read_one(&self, row_id: &str, caller: &'static str) -> Record {
        let sql = format!("{} WHERE t.{} = $1::text::{}", self.select, quote(&self.id_column), self.id_type);
        let width = self.columns.len();
        let values = Spi::connect(|client| {
            let table = client.select(&sql, Some(1), &[row_id.into()])?;
            match table.into_iter().next() {
                Some(row) => Ok(Some((2..=width + 1).map(|i| row.get::<String>(i)).collect::<Result<Vec<_>, _>>()?)),
                None => Ok::<_, pgrx::spi::SpiError>(None),
            }
        })
        .or_spi_failed(caller);
        let Some(values) = values else {
            Report::new(
                PgSqlErrorCode::ERRCODE_NO_DATA_FOUND,
                caller,
                format!("{}: no row of {} has {} = '{row_id}'", caller, self.name, self.id_column),
            )
            .hint(format!("pass a value of the id column {} of {}", self.id_column, self.name))
            .raise()
        };
        self.prepare(&values)
    }

    /// The stored model, parsed once per session and kept until the row in
    /// `customer_clean.models` changes (a new `xmin`): `match_row` runs per
    /// row of an application and must not parse a large jsonb each time.
    fn model(&self, caller: &'static str) -> Rc<Model> {
        // The catalog is read as the extension's owner: whoever may read
        // the table may match against its model, with no grant on the
        // catalog (the rows themselves are read as the caller).
        let version = crate::security::as_extension_owner(|| {
            // (a kept plan: match_row and match_on_insert ask at every call)
            plans::with_plan(
                "SELECT (SELECT xmin::text FROM customer_clean.models WHERE tbl = $1)",
                &[plans::OID],
                |client, plan| client.select(plan, Some(1), &[self.oid.into()])?.first().get_one::<String>(),
            )
        })
        .or_spi_failed(caller);
        let Some(version) = version else {
            Report::new(
                PgSqlErrorCode::ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
                caller,
                format!("{caller}: table {} has no trained model", self.name),
            )
            .hint(format!("run SELECT customer_clean.train('{}') first", self.name.replace('\'', "''")))
            .raise()
        };
        if let Some(hit) =
            MODELS.with(|m| m.borrow().get(&self.oid).filter(|(v, _)| *v == version).map(|(_, m)| m.clone()))
        {
            return hit;
        }
        let stored = crate::security::as_extension_owner(|| {
            Spi::get_one_with_args::<JsonB>(
                "SELECT (SELECT model FROM customer_clean.models WHERE tbl = $1)",
                &[self.oid.into()],
            )
        })
        .or_spi_failed(caller)
        .unwrap_or_else(|| spi_failed(caller, "the model disappeared while being read"));
        let model = Rc::new(Model::from_json(&stored.0).or_raise(caller));
        MODELS.with(|m| m.borrow_mut().insert(self.oid, (version, model.clone())));
        model
    }
}

thread_local! {
    /// Parsed models by table, with the `xmin` of the row they came from.
    static MODELS: RefCell<HashMap<pg_sys::Oid, (String, Rc<Model>)>> = RefCell::new(HashMap::new());
}

/// A progress callback for the engine: checks for a cancel request and the
/// memory bound (`customer_clean.batch_memory`) at every call, and sends a
/// NOTICE at most every five seconds.
fn reporter<'a>(caller: &'static str, table: &'a str) -> impl FnMut(&str, usize, usize) + 'a {
    let started = Instant::now();
    let mut last = started;
    move |step, done, total| {
        pg_sys::check_for_interrupts!();
        memory::check(caller, table, step);
        if last.elapsed() >= Duration::from_secs(5) {
            last = Instant::now();
            let of = if total > 0 {
                format!(" of {total} ({:.0}%)", done as f64 * 100.0 / total as f64)
            } else {
                String::new()
            };
            notice!(
                "{caller} {table}: {step}: {done}{of}, {:.0} s so far, {} MB held",
                started.elapsed().as_secs_f64(),
                memory::live_bytes() >> 20
            );
        }
    }
}

/// Raises 22023 unless `p` is a probability (NaN and ±Infinity are not).
fn check_probability(caller: &'static str, name: &str, p: f64) {
    customer_clean_engine::options::probability(caller, name, p).or_raise(caller);
}

/// Learns the match model of `tbl` from its rows and stores it in
/// `customer_clean.models` (replacing the previous one). Returns the model;
/// NULL options are no call (NULL result, nothing trained).
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn train(tbl: Table, options: default!(Json, "'{}'")) -> JsonB {
    const FN: &str = "train";
    // Checked before anything is read: every key against its range (22023).
    let opts = TrainOptions::parse(&options.0).or_raise(FN);
    let started = Instant::now();
    crate::security::require_table_owner(tbl.oid(), FN);
    let target = Target::new(&tbl, FN);
    target.require_whole_table(FN);
    let mut progress = reporter(FN, &target.name);
    let threads = parallel::thread_count(opts.threads);
    // A table larger than sample_rows is learned from a sample of its rows
    // (drawn by id, see RowSample): memory and time then stop growing with
    // the table.
    let total = target.count_rows(FN);
    let sample = RowSample::new(opts.seed, opts.sample_rows, total);
    let mut records = Vec::new();
    target.read_rows(threads, &mut progress, None, sample.as_ref(), |t, values| t.prepare(values), &mut |_, record| {
        records.push(record)
    });
    records.shrink_to_fit();
    let fields = target.schema.fields();
    if fields.is_empty() {
        Report::new(
            PgSqlErrorCode::ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
            FN,
            format!("{FN}: the profile of {} has no column to match on", target.name),
        )
        .hint(
            "register at least one of the roles name, given_name, family_name, phone, mobile, email, \
             birth_date, national_id, address, postcode, city, gender",
        )
        .raise();
    }
    let mut model = Model::train(&records, &fields, target.salt(), &opts, pair_budget(), &mut progress).or_raise(FN);
    model.training.sampled_from = sample.map(|_| total);
    let model_json = serde_json::to_value(&model).or_spi_failed(FN);
    run(
        target.caller,
        "INSERT INTO customer_clean.models (tbl, model, options, seconds, trained_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tbl) DO UPDATE SET model = excluded.model, options = excluded.options,
             seconds = excluded.seconds, trained_at = now(), trained_by = excluded.trained_by",
        vec![
            target.oid.into(),
            JsonB(model_json.clone()).into(),
            JsonB::from(options).into(),
            started.elapsed().as_secs_f64().into(),
            crate::security::current_role_name().into(),
        ],
    );
    JsonB(model_json)
}

/// Whether `train`'s sample with `seed` and `threshold` (see
/// `RowSample::parts`) keeps the row with id `id`: the filter `train`
/// adds to its read, so that the sample is drawn where the rows are (on
/// the workers of a Citus table).
#[pg_extern(immutable, strict, parallel_safe)]
fn in_sample(id: &str, seed: i64, threshold: i64) -> bool {
    RowSample::keeps_with(seed as u64, threshold as u64, id)
}

/// How many candidate pairs blocking may make in the memory left under
/// `customer_clean.batch_memory`.
fn pair_budget() -> usize {
    memory::headroom() / blocking::BYTES_PER_PAIR
}

/// Probability that rows `a_id` and `b_id` of `tbl` are the same customer.
#[pg_extern(stable, strict, parallel_safe)]
#[search_path(pg_catalog, pg_temp)]
fn match_probability(tbl: Table, a_id: &str, b_id: &str) -> f64 {
    const FN: &str = "match_probability";
    crate::security::require(tbl.oid(), crate::security::READ, FN);
    let target = Target::new(&tbl, FN);
    let model = target.model(FN);
    let (a, b) = (target.read_one(a_id, FN), target.read_one(b_id, FN));
    model.probability(&a, &b, &NameFrequency::Model)
}

/// Each field's level, m, u and weight for rows `a_id` and `b_id`, the
/// prior, the total match weight and the probability.
#[pg_extern(stable, strict, parallel_safe)]
#[search_path(pg_catalog, pg_temp)]
fn explain_match(tbl: Table, a_id: &str, b_id: &str) -> crate::json_result::JsonResult {
    const FN: &str = "explain_match";
    crate::security::require(tbl.oid(), crate::security::READ, FN);
    let target = Target::new(&tbl, FN);
    let model = target.model(FN);
    let (a, b) = (target.read_one(a_id, FN), target.read_one(b_id, FN));
    crate::json_result::JsonResult(explanation(&model, &a, &b, &NameFrequency::Model))
}

fn explanation(model: &Model, a: &Record, b: &Record, tf: &NameFrequency) -> Value {
    serde_json::to_value(model.explain(a, b, tf)).unwrap_or(Value::Null)
}

/// Every pair of rows of `tbl` at least `min_probability` likely to be the
/// same customer (pairs are not clustered; see `dedupe`).
#[pg_extern(stable, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn find_duplicates(
    tbl: Table,
    min_probability: default!(f64, 0.9),
) -> TableIterator<'static, (name!(id_a, String), name!(id_b, String), name!(probability, f64))> {
    const FN: &str = "find_duplicates";
    crate::security::require(tbl.oid(), crate::security::READ, FN);
    check_probability(FN, "min_probability", min_probability);
    let target = Target::new(&tbl, FN);
    let model = target.model(FN);
    let mut progress = reporter(FN, &target.name);
    let threads = parallel::thread_count(0);
    let (ids, records) = target.read_all(threads, &mut progress);
    let counts = name_counts(&records);
    let tf = NameFrequency::Counted(&counts, records.len());
    let (mut pairs, _) = dedupe::scored_pairs(
        &records,
        &model,
        target.salt(),
        min_probability,
        threads,
        pair_budget(),
        &tf,
        &mut progress,
    )
    .or_raise(FN);
    pairs.sort_unstable_by(|x, y| y.probability.total_cmp(&x.probability).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b)));
    let rows: Vec<(String, String, f64)> = pairs
        .into_iter()
        .map(|e| {
            let (a, b) = ordered(&ids[e.a as usize], &ids[e.b as usize]);
            (a.to_string(), b.to_string(), e.probability)
        })
        .collect();
    TableIterator::new(rows)
}

/// Two rows' ids, the lesser (bytewise, as COLLATE "C") first.
fn ordered<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Deduplicates `tbl`: clusters pairs at least `min_probability` likely
/// into `customer_clean.clusters`, puts uncertain pairs (and probable pairs
/// clustering kept apart) into `customer_clean.review_queue`, and stores
/// every row's match keys for `match_row`; with `incremental`, keeps a
/// state and, when it can, works on what changed since the last such run.
/// Returns a summary.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn dedupe(tbl: Table, min_probability: default!(f64, 0.9), review_probability: default!(f64, 0.5)) -> JsonB {
    run_dedupe(tbl, min_probability, review_probability, false)
}

/// `dedupe` with `incremental`: true keeps a state for the next call and
/// uses the one the last call kept (see `incremental`). An overload, not a
/// fourth argument of `dedupe`: the SQL of 0.1.0 calls `dedupe_wrapper`
/// with three arguments until ALTER EXTENSION UPDATE runs, and must still
/// find them there. `incremental` comes second because it has no default
/// (one would make `dedupe(tbl)` ambiguous), and a parameter without a
/// default cannot follow ones with.
#[pg_extern(name = "dedupe", volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn dedupe_with_state(
    tbl: Table,
    incremental: bool,
    min_probability: default!(f64, 0.9),
    review_probability: default!(f64, 0.5),
) -> JsonB {
    run_dedupe(tbl, min_probability, review_probability, incremental)
}

/// Checks both thresholds of `dedupe` and `match_pending` (22023).
fn check_review_below_min(caller: &'static str, min_probability: f64, review_probability: f64) {
    check_probability(caller, "min_probability", min_probability);
    check_probability(caller, "review_probability", review_probability);
    if review_probability > min_probability {
        Report::new(PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE, caller, format!("{caller}: review_probability {review_probability} is above min_probability {min_probability}")).hint("pairs between review_probability and min_probability go to review; pass review_probability <= min_probability").raise();
    }
}

fn run_dedupe(tbl: Table, min_probability: f64, review_probability: f64, incremental: bool) -> JsonB {
    const FN: &str = "dedupe";
    check_review_below_min(FN, min_probability, review_probability);
    let started = Instant::now();
    crate::security::require_table_owner(tbl.oid(), FN);
    let target = Target::new(&tbl, FN);
    target.require_whole_table(FN);
    if target.citus {
        distributed::require_builtin_types(&target, FN);
    }
    let model = target.model(FN);
    let mut progress = reporter(FN, &target.name);
    let opts = DedupeOptions { min_probability, review_probability, ..DedupeOptions::default() };
    let threads = parallel::thread_count(opts.threads);
    let mut timings = serde_json::Map::new();
    let mut lap = Instant::now();
    let mut time = |step: &str| {
        timings.insert(format!("{step}_s"), json!((lap.elapsed().as_secs_f64() * 1000.0).round() / 1000.0));
        lap = Instant::now();
    };
    if target.citus {
        // The blocks are made and scored on the workers (docs/citus.md).
        if incremental {
            Report::new(
                PgSqlErrorCode::ERRCODE_FEATURE_NOT_SUPPORTED,
                FN,
                format!("{FN}: incremental runs are not supported on the Citus table {}", target.name),
            )
            .hint("run dedupe(tbl) without incremental: on a Citus table its blocks are scored on the workers")
            .raise();
        }
        let mut summary = distributed::dedupe_on_workers(&target, &model, &opts, &mut progress, &mut time);
        summary["seconds"] = json!(started.elapsed().as_secs_f64());
        summary["steps"] = Value::Object(timings);
        return JsonB(summary);
    }
    // Records, keys and pairs go to a temporary file as they are made.
    // Their buffers get a third of batch_memory past what any job holds
    // (the rows of a fetch and their prepared records, about 12 MB); the
    // rest is for what grows with the table: row ids (about 16 bytes a
    // row), one number per row while clustering, name counts, scored pairs.
    // With `incremental`, a run on what changed since the last one, when
    // its stored state can be reused; otherwise a full run that (with
    // `incremental`) stores the state for the next.
    let basis = incremental.then(|| incremental::basis(&target, &opts));
    let mut full_because = None;
    if let Some(basis) = &basis {
        match incremental::run_incremental(&target, &model, &opts, basis, &mut progress) {
            Ok(summary) => return JsonB(summary),
            Err(why) => full_because = Some(why),
        }
    }
    let budget = Budget::of(memory::limit_bytes().saturating_sub(FIXED_BYTES) / 3);
    let mut spill = TempFile::new();
    let mut job = ExternalDedupe::new(target.salt(), budget);
    let mut state = basis.as_ref().map(|_| incremental::StateWriter::new(budget.record_bytes / 16));
    let rejected_ids = rejected_id_pairs(&target);
    let wanted: HashSet<&str> = rejected_ids.iter().flat_map(|(a, b)| [a.as_str(), b.as_str()]).collect();
    let mut rejected_rows: HashMap<String, u32> = HashMap::new();
    let mut ids = RowIds::default();
    let salt = target.salt();
    let width = target.columns.len();
    // The fingerprint of the values, and the day a row reads anew, for
    // the stored state.
    let fingerprint = state.as_ref().map(|_| format!("({})::text", incremental::fingerprint_sql(&target)));
    let read = |t: &Target, values: &[Option<String>]| {
        let refs: Vec<Option<&str>> = values[..width].iter().map(|v| v.as_deref()).collect();
        let prepared = Prepared::new(&t.schema.record(&refs), salt);
        let stamp = values.get(width).map(|fp| {
            let fp = fp.as_deref().and_then(|f| f.parse::<i64>().ok()).unwrap_or_default();
            (fp, t.schema.recheck_on(&refs).map(|d| d.days_since_epoch()))
        });
        (prepared, stamp)
    };
    target.read_rows(threads, &mut progress, fingerprint.as_deref(), None, read, &mut |id, (p, stamp)| {
        let row = job.push(&p, &mut spill).map_err(StoreError::from).or_raise(FN);
        if let (Some(state), Some((fp, recheck))) = (state.as_mut(), stamp) {
            state.push(&p, fp, recheck, &mut spill);
        }
        if wanted.contains(id.as_str()) {
            rejected_rows.insert(id.clone(), row);
        }
        ids.push(&id);
    });
    let rejected: HashSet<(u32, u32)> = rejected_ids
        .iter()
        .filter_map(|(a, b)| {
            let (x, y) = (*rejected_rows.get(a)?, *rejected_rows.get(b)?);
            Some((x.min(y), x.max(y)))
        })
        .collect();
    drop((wanted, rejected_rows));
    let lookup = job.take_lookup_keys(&mut spill).map_err(StoreError::from).or_raise(FN);
    time("read");
    let mut outcome = job.run(&model, &opts, &rejected, &mut spill, &memory::headroom, &mut progress).or_raise(FN);
    let review = outcome.dedupe.review_pairs(&rejected);
    time("match");

    progress("writing clusters", 0, 0);
    lock_catalog(&target, true);
    let renumbered = write_clusters(&target, &ids, &outcome.dedupe.clustering.members());
    time("write_clusters");
    let refusals: HashMap<(u32, u32), String> =
        outcome.dedupe.clustering.refused.iter().map(|(e, r)| ((e.a, e.b), r.as_str())).collect();
    let tf = outcome.name_frequency();
    run(
        target.caller,
        "DELETE FROM customer_clean.review_queue WHERE tbl = $1 AND status = 'pending'",
        vec![target.oid.into()],
    );
    let mut writer = ReviewWriter::new(&target);
    let record_bytes = budget.record_bytes.min(memory::headroom() / 4);
    for_each_pair_with_records(&outcome.store, &review, record_bytes, &mut spill, &mut |e, a, b| {
        let reason = refusals.get(&(e.a, e.b)).map_or("uncertain", String::as_str);
        writer.push(ordered(&ids[e.a], &ids[e.b]), e.probability, explanation(&model, a, b, &tf), reason);
    })
    .or_raise(FN);
    writer.flush();
    time("write_review");
    let mut summary = serde_json::to_value(&outcome.dedupe.stats).unwrap_or(Value::Null);
    summary["clusters_renumbered"] = json!(renumbered);
    drop((writer, refusals, review, rejected));
    match (state, &basis) {
        (Some(state), Some(basis)) => {
            progress("storing the state for incremental runs", 0, 0);
            state.write(&target, &ids, &outcome.dedupe.pairs, basis, &mut spill);
            summary["incremental"] = json!(false);
            summary["full_run_because"] = json!(full_because);
            time("write_state");
        }
        _ => incremental::forget_state(&target),
    }
    drop(outcome);
    progress("writing match keys", 0, 0);
    let keys = write_match_keys(&target, &ids, lookup, budget.key_items, &mut spill);
    summary["match_keys_inserted"] = json!(keys.inserted);
    summary["match_keys_deleted"] = json!(keys.deleted);
    summary["temp_file_bytes"] = json!(spill.bytes());
    time("write_match_keys");
    summary["seconds"] = json!(started.elapsed().as_secs_f64());
    summary["steps"] = Value::Object(timings);
    JsonB(summary)
}

/// Row ids in row order, as one string: a `String` each would take 56
/// bytes a row more.
#[derive(Default)]
struct RowIds {
    text: String,
    ends: Vec<usize>,
}

impl RowIds {
    fn push(&mut self, id: &str) {
        self.text.push_str(id);
        self.ends.push(self.text.len());
    }
}

impl<'a> FromIterator<&'a str> for RowIds {
    fn from_iter<I: IntoIterator<Item = &'a str>>(ids: I) -> RowIds {
        let mut out = RowIds::default();
        ids.into_iter().for_each(|id| out.push(id));
        out
    }
}

impl RowIds {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len() as u32).map(|i| &self[i])
    }
}

impl std::ops::Index<u32> for RowIds {
    type Output = str;
    fn index(&self, row: u32) -> &str {
        let i = row as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }
}

/// The pairs of `tbl` a steward rejected, by row id.
fn rejected_id_pairs(target: &Target) -> Vec<(String, String)> {
    crate::security::as_extension_owner(|| {
        Spi::connect(|client| {
            client
                .select(
                    "SELECT row_id_a, row_id_b FROM customer_clean.review_queue WHERE tbl = $1 AND status = 'rejected'",
                    None,
                    &[target.oid.into()],
                )?
                .map(|row| Ok((row.get::<String>(1)?.unwrap_or_default(), row.get::<String>(2)?.unwrap_or_default())))
                .collect::<Result<Vec<_>, pgrx::spi::SpiError>>()
        })
    })
    .or_spi_failed(target.caller)
}

/// Replaces the table's clusters with `members` ((row, root) by row of
/// `ids`). A cluster whose rows are exactly those of a stored cluster
/// keeps that cluster's id and is not written again, as in an incremental
/// run: cluster ids stay stable from run to run for whoever keeps them (a
/// steward's notes, a BI extract), and a run that changes little writes
/// little. Returns how many clusters got a new id.
fn write_clusters(target: &Target, ids: &RowIds, members: &[(u32, u32)]) -> usize {
    let stored = StoredClusters::read(target);
    let by_first: HashMap<&str, usize> =
        (0..stored.ids.len()).filter_map(|c| Some((stored.members(c).next()?, c))).collect();
    // The new clusters, members in byte order; those equal to a stored one
    // keep it.
    let mut by_root: Vec<(u32, u32)> = members.iter().map(|(row, root)| (*root, *row)).collect();
    by_root.sort_unstable();
    let mut kept = vec![false; stored.ids.len()];
    let mut fresh: Vec<Vec<&str>> = Vec::new();
    for cluster in by_root.chunk_by(|a, b| a.0 == b.0) {
        let mut rows: Vec<&str> = cluster.iter().map(|(_, row)| &ids[*row]).collect();
        rows.sort_unstable();
        match by_first.get(rows[0]).filter(|c| stored.members(**c).eq(rows.iter().copied())) {
            Some(c) => kept[*c] = true,
            None => fresh.push(rows),
        }
    }
    drop((by_root, by_first));
    let drawn = new_cluster_ids(fresh.len(), target.caller);
    let rows: Vec<(&str, i64)> =
        fresh.iter().zip(&drawn).flat_map(|(rows, id)| rows.iter().map(move |r| (*r, *id))).collect();
    for chunk in rows.chunks(WRITE_ROWS) {
        let (rows, clusters): (Vec<String>, Vec<i64>) = chunk.iter().map(|(r, c)| (r.to_string(), *c)).unzip();
        // A row match_on_insert clustered while this dedupe ran (after its
        // snapshot) is already there: dedupe's verdict replaces it.
        memory::in_scratch_context(|| {
            run(
                target.caller,
                "INSERT INTO customer_clean.clusters (tbl, row_id, cluster_id, assigned_by)
             SELECT $1, r, c, 'dedupe' FROM unnest($2::text[], $3::bigint[]) AS u(r, c)
             ON CONFLICT (tbl, row_id) DO UPDATE
                SET cluster_id = excluded.cluster_id, assigned_at = now(), assigned_by = 'dedupe'",
                vec![target.oid.into(), rows.into(), clusters.into()],
            )
        });
    }
    // Rows of a stored cluster that did not stay are in a new one by now,
    // or in none: those lose theirs. Rows of a cluster that stayed and
    // that match_on_insert put there are dedupe's now.
    let (stayed, went): (Vec<_>, Vec<_>) = stored.ids.iter().copied().zip(kept).partition(|(_, kept)| *kept);
    for (ids, sql) in [
        (went, "DELETE FROM customer_clean.clusters WHERE tbl = $1 AND cluster_id = ANY ($2)"),
        (
            stayed,
            "UPDATE customer_clean.clusters SET assigned_by = 'dedupe', assigned_at = now()
              WHERE tbl = $1 AND cluster_id = ANY ($2) AND assigned_by <> 'dedupe'",
        ),
    ] {
        for chunk in ids.chunks(WRITE_ROWS) {
            let chunk: Vec<i64> = chunk.iter().map(|(id, _)| *id).collect();
            run(target.caller, sql, vec![target.oid.into(), chunk.into()]);
        }
    }
    // A cluster match_on_insert made while this ran may be left with one
    // member: then it is none.
    run(
        target.caller,
        "DELETE FROM customer_clean.clusters c WHERE c.tbl = $1 AND c.assigned_by = 'match_on_insert'
            AND NOT EXISTS (SELECT 1 FROM customer_clean.clusters o
                             WHERE o.tbl = c.tbl AND o.cluster_id = c.cluster_id AND o.row_id <> c.row_id)",
        vec![target.oid.into()],
    );
    fresh.len()
}

/// `n` new cluster ids from `customer_clean.cluster_id_seq`, drawn in one
/// statement.
fn new_cluster_ids(n: usize, caller: &'static str) -> Vec<i64> {
    let drawn: Vec<i64> = Spi::get_one_with_args::<Vec<i64>>(
        "SELECT coalesce(array_agg(nextval('customer_clean.cluster_id_seq')), '{}') FROM generate_series(1, $1)",
        &[(n as i64).into()],
    )
    .or_spi_failed(caller)
    .unwrap_or_default();
    if drawn.len() != n {
        spi_failed("dedupe", "the cluster sequence gave too few numbers");
    }
    drawn
}

/// A table's stored clusters: their ids, and the members of each in byte
/// order, one cluster after the other in one buffer.
#[derive(Default)]
struct StoredClusters {
    ids: Vec<i64>,
    /// Where each cluster's members end in `rows`.
    ends: Vec<usize>,
    rows: RowIds,
}

impl StoredClusters {
    fn read(target: &Target) -> StoredClusters {
        let mut out = StoredClusters::default();
        crate::security::as_extension_owner(|| {
            Spi::connect(|client| {
                let mut cursor = client.open_cursor(
                    "SELECT cluster_id, row_id FROM customer_clean.clusters WHERE tbl = $1
                      ORDER BY cluster_id, row_id COLLATE \"C\"",
                    &[target.oid.into()],
                );
                loop {
                    let mut fetched = 0;
                    for row in cursor.fetch(FETCH_ROWS * 5)? {
                        let cluster = row.get::<i64>(1)?.unwrap_or_default();
                        if out.ids.last() != Some(&cluster) {
                            out.ids.push(cluster);
                            out.ends.push(out.rows.len());
                        }
                        out.rows.push(row.get::<&str>(2)?.unwrap_or_default());
                        *out.ends.last_mut().expect("pushed above") = out.rows.len();
                        fetched += 1;
                    }
                    memory::free_fetched_rows();
                    if fetched == 0 {
                        return Ok::<_, pgrx::spi::SpiError>(());
                    }
                }
            })
        })
        .or_spi_failed(target.caller);
        out
    }

    /// The members of cluster `c` (by position), in byte order.
    fn members(&self, c: usize) -> impl Iterator<Item = &str> {
        let start = if c == 0 { 0 } else { self.ends[c - 1] };
        (start..self.ends[c]).map(|i| &self.rows[i as u32])
    }
}

/// Adds pairs to the review queue, a batch of rows per INSERT (a pair
/// already there is left as it is).
struct ReviewWriter<'t> {
    target: &'t Target,
    a: Vec<String>,
    b: Vec<String>,
    p: Vec<f64>,
    explanation: Vec<String>,
    reason: Vec<String>,
}

impl<'t> ReviewWriter<'t> {
    fn new(target: &'t Target) -> ReviewWriter<'t> {
        ReviewWriter { target, a: vec![], b: vec![], p: vec![], explanation: vec![], reason: vec![] }
    }

    fn push(&mut self, (a, b): (&str, &str), probability: f64, explanation: Value, reason: &str) {
        self.a.push(a.to_string());
        self.b.push(b.to_string());
        self.p.push(probability);
        self.explanation.push(explanation.to_string());
        self.reason.push(reason.to_string());
        if self.a.len() >= WRITE_ROWS / 10 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.a.is_empty() {
            return;
        }
        memory::in_scratch_context(|| {
            run(
            self.target.caller,
            "INSERT INTO customer_clean.review_queue (tbl, row_id_a, row_id_b, probability, explanation, reason, found_by)
             SELECT $1, a, b, p, e::jsonb, r, 'dedupe' FROM unnest($2::text[], $3::text[], $4::float8[], $5::text[], $6::text[]) AS u(a, b, p, e, r)
             ON CONFLICT (tbl, row_id_a, row_id_b) DO NOTHING",
            vec![
                self.target.oid.into(),
                std::mem::take(&mut self.a).into(),
                std::mem::take(&mut self.b).into(),
                std::mem::take(&mut self.p).into(),
                std::mem::take(&mut self.explanation).into(),
                std::mem::take(&mut self.reason).into(),
            ],
        )
        });
    }
}

/// Replaces the stored match keys of the table with `lookup`'s (key, row)
/// entries, in key order, so the index grows at its right edge.
/// What `write_match_keys` changed.
struct KeyWrites {
    inserted: u64,
    deleted: u64,
}

/// The value of a spill step, or the ERROR (XX001) for its failure.
fn spilled<T>(result: Result<T, SpillError>) -> T {
    result.map_err(StoreError::from).or_raise("dedupe")
}

/// Makes the stored match keys of the table those in `lookup`, by
/// difference: the keys stored now are read in key order beside the new
/// ones, and only those that appeared are inserted and those that went are
/// deleted. Run again over a table that changed little, `dedupe` then
/// writes little, where deleting and inserting every key (4.4M at
/// 1,000,000 rows) left as many dead rows to vacuum each time. Keys of
/// rows `dedupe` did not read (deleted since, or inserted after its
/// snapshot) go, as before. Inserts go through COPY, in key order (the
/// index on key then grows page by page).
fn write_match_keys(
    target: &Target,
    ids: &RowIds,
    lookup: ExternalSorter<u128>,
    buffer_items: usize,
    spill: &mut TempFile,
) -> KeyWrites {
    let mut writes = KeyWrites { inserted: 0, deleted: 0 };
    let mut inserts: ExternalSorter<u128> = ExternalSorter::new(buffer_items, false);
    let mut deletes: (Vec<i64>, Vec<String>) = (Vec::new(), Vec::new());
    let mut flush_deletes = |deletes: &mut (Vec<i64>, Vec<String>)| {
        writes.deleted += delete_keys(target, std::mem::take(deletes)) as u64;
    };
    let mut new_keys = spilled(lookup.merge(spill));
    // The first new key, when nothing is stored: then every new key is
    // inserted, straight from the sort.
    let mut first_of_all = None;
    let nothing_stored = crate::security::as_extension_owner(|| {
        Spi::connect(|client| {
            let mut cursor = client.open_cursor(
                "SELECT key, row_id FROM customer_clean.match_keys WHERE tbl = $1 ORDER BY key",
                &[target.oid.into()],
            );
            let mut fetched: std::vec::IntoIter<(i64, String)> = Vec::new().into_iter();
            let mut next_stored = || -> Result<Option<(i64, String)>, pgrx::spi::SpiError> {
                if let Some(entry) = fetched.next() {
                    return Ok(Some(entry));
                }
                let mut batch = Vec::new();
                for row in cursor.fetch(FETCH_ROWS * 5)? {
                    batch.push((row.get::<i64>(1)?.unwrap_or_default(), row.get::<String>(2)?.unwrap_or_default()));
                }
                memory::free_fetched_rows();
                fetched = batch.into_iter();
                Ok(fetched.next())
            };
            let mut new = spilled(new_keys.next(spill)).map(blocking::entry_of);
            let mut old = next_stored()?;
            if old.is_none() {
                first_of_all = new;
                return Ok(true);
            }
            // One key at a time: its rows now (ordinals), and those stored
            // (ids), each in byte order.
            let (mut now, mut stored): (Vec<u32>, Vec<String>) = (Vec::new(), Vec::new());
            while let Some(key) = match (&new, &old) {
                (Some((a, _)), Some((b, _))) => Some(*a.min(b)),
                (Some((k, _)), None) | (None, Some((k, _))) => Some(*k),
                (None, None) => None,
            } {
                now.clear();
                stored.clear();
                while let Some((_, row)) = new.filter(|(k, _)| *k == key) {
                    now.push(row);
                    new = spilled(new_keys.next(spill)).map(blocking::entry_of);
                }
                while let Some((_, id)) = old.take_if(|(k, _)| *k == key) {
                    stored.push(id);
                    old = next_stored()?;
                }
                now.sort_unstable_by(|a, b| ids[*a].cmp(&ids[*b]));
                now.dedup_by(|a, b| ids[*a] == ids[*b]);
                stored.sort_unstable();
                let now_ids: Vec<&str> = now.iter().map(|r| &ids[*r]).collect();
                let (gone, new_at) = key_changes(&stored, &now_ids);
                for id in gone {
                    deletes.0.push(key);
                    deletes.1.push(id.to_string());
                    if deletes.0.len() == WRITE_ROWS {
                        flush_deletes(&mut deletes);
                    }
                }
                for j in new_at {
                    spilled(inserts.push(blocking::entry_item(key, now[j]), spill));
                }
            }
            Ok::<_, pgrx::spi::SpiError>(false)
        })
    })
    .or_spi_failed(target.caller);
    if !deletes.0.is_empty() {
        flush_deletes(&mut deletes);
    }
    let match_keys = Spi::get_one::<pg_sys::Oid>("SELECT 'customer_clean.match_keys'::regclass::oid")
        .or_spi_failed(target.caller)
        .unwrap_or_else(|| spi_failed("dedupe", "customer_clean.match_keys is missing"));
    let mut inserts = spilled(inserts.merge(spill));
    let mut last = None;
    writes.inserted = crate::security::as_extension_owner(|| {
        bulk_copy::copy_into(match_keys, &mut |rows| loop {
            let next = if nothing_stored {
                first_of_all.take().or_else(|| spilled(new_keys.next(spill)).map(blocking::entry_of))
            } else {
                spilled(inserts.next(spill)).map(blocking::entry_of)
            };
            let Some((key, row)) = next else {
                return false;
            };
            // An id's key once, as by difference.
            let entry = (key, &ids[row]);
            if last.replace(entry) != Some(entry) {
                rows.row(3).oid(target.oid).int8(key).text(entry.1);
                return true;
            }
        })
    });
    writes
}

/// How the ids stored under one key become `now`: the stored ids to delete
/// and the positions in `now` to insert. Both lists are in byte order. An
/// id stored more than once (nothing stores one twice, but a restore of a
/// dump taken mid-write could) is deleted, every copy by one DELETE, and
/// inserted again if it keeps the key.
pub(crate) fn key_changes<'a>(stored: &'a [String], now: &[&str]) -> (Vec<&'a str>, Vec<usize>) {
    let (mut gone, mut new_at) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < stored.len() || j < now.len() {
        let Some(id) = stored.get(i).map(String::as_str) else {
            new_at.push(j);
            j += 1;
            continue;
        };
        let copies = stored[i..].iter().take_while(|s| s.as_str() == id).count();
        match now.get(j).map(|n| id.cmp(n)) {
            None | Some(std::cmp::Ordering::Less) => gone.push(id),
            Some(std::cmp::Ordering::Greater) => {
                new_at.push(j);
                j += 1;
                continue;
            }
            Some(std::cmp::Ordering::Equal) => {
                if copies > 1 {
                    gone.push(id);
                    new_at.push(j);
                }
                j += 1;
            }
        }
        i += copies;
    }
    (gone, new_at)
}

/// Stores a few match keys (those of the rows of one statement); `dedupe`
/// writes its millions through COPY instead (`write_match_keys`).
fn insert_keys(target: &Target, (keys, rows): (Vec<i64>, Vec<String>)) {
    memory::in_scratch_context(|| {
        run(
        target.caller,
        "INSERT INTO customer_clean.match_keys (tbl, key, row_id) SELECT $1, k, r FROM unnest($2::bigint[], $3::text[]) AS u(k, r)",
        vec![target.oid.into(), keys.into(), rows.into()],
    )
    });
}

/// Deletes the given (key, row id) entries of the table's match keys
/// (every copy of each); returns the rows deleted. Through a kept generic
/// plan: planned for the values of a batch of 50,000 entries, PostgreSQL
/// chose a merge join reading the whole key index (4.4M entries at
/// 1,000,000 rows, 1–2 s a batch) over one index probe per entry.
fn delete_keys(target: &Target, (keys, rows): (Vec<i64>, Vec<String>)) -> usize {
    if keys.is_empty() {
        return 0;
    }
    let args = [target.oid.into(), keys.into(), rows.into()];
    memory::in_scratch_context(|| {
        crate::security::as_extension_owner(|| {
            plans::with_plan(
                "DELETE FROM customer_clean.match_keys m USING unnest($2::bigint[], $3::text[]) AS u(k, r)
                  WHERE m.key = u.k AND m.tbl = $1 AND m.row_id = u.r",
                &[plans::OID, plans::INT8_ARRAY, plans::TEXT_ARRAY],
                |client, plan| client.update(plan, None, &args).map(|t| t.len()),
            )
        })
    })
    .or_spi_failed(target.caller)
}

/// The transaction-level advisory lock that orders the writers of a
/// table's clusters and review queue: `dedupe` replaces them wholesale and
/// takes it exclusively for its writes; `match_on_insert` and the merge
/// functions (sql/merge.sql, same key) change a few rows and share it.
/// Without it a merge and a dedupe deadlocked on clusters rows (found by
/// tests/load/run.sh). The key: 'cc_c' in the high 32 bits, the table's OID
/// in the low ones.
fn lock_catalog(target: &Target, exclusive: bool) {
    let key = (0x6363_5f63_i64 << 32) | i64::from(u32::from(target.oid));
    let sql = if exclusive { "SELECT pg_advisory_xact_lock($1)" } else { "SELECT pg_advisory_xact_lock_shared($1)" };
    run(target.caller, sql, vec![key.into()]);
}

/// Runs a write to the matching catalog (train, dedupe, match_on_insert,
/// merge keys) as the extension's owner: callers need no rights on the
/// catalog, and have none to write it directly. A failure names `caller`.
fn run(caller: &'static str, sql: &str, args: Vec<pgrx::datum::DatumWithOid>) {
    crate::security::as_extension_owner(|| Spi::run_with_args(sql, &args)).or_spi_failed(caller);
}

/// Rows of `tbl` likely to be the same customer as `row` (a row that need
/// not be in the table, as jsonb keyed by column name), most probable
/// first. Candidates come from the match keys stored by `dedupe` (and kept
/// current by `match_on_insert`), through their GIN index.
#[pg_extern(stable, strict, parallel_safe)]
#[search_path(pg_catalog, pg_temp)]
fn match_row(
    tbl: Table,
    row: Json,
    max_results: default!(i32, 10),
    min_probability: default!(f64, 0.5),
) -> TableIterator<'static, (name!(row_id, String), name!(probability, f64), name!(match_weight, f64))> {
    const FN: &str = "match_row";
    crate::security::require(tbl.oid(), crate::security::READ, FN);
    check_probability(FN, "min_probability", min_probability);
    if max_results < 0 {
        Report::new(
            PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
            FN,
            format!("{FN}: max_results must not be negative, not {max_results}"),
        )
        .hint("pass how many candidates at most to return, e.g. 10")
        .raise();
    }
    let target = Target::new(&tbl, FN);
    let model = target.model(FN);
    let Some(object) = row.0.as_object() else {
        Report::new(
            PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
            FN,
            format!("{FN}: row must be a JSON object, not {}", row.0),
        )
        .hint("pass the row as jsonb keyed by column name, e.g. to_jsonb(r) or '{\"name\": \"张伟\"}'")
        .raise();
    };
    let (own_id, record) = target.record_of_json(object);
    let keys = blocking::lookup_keys(&record, target.salt());
    let (ids, candidates) = candidates(&target, &keys, own_id.as_deref(), model.max_block_size);
    let scorer = model.scorer();
    let mut scored: Vec<(String, f64, f64)> = ids
        .into_iter()
        .zip(&candidates)
        .map(|(id, c)| {
            let s = scorer.score(&record, c, &NameFrequency::Model);
            (id, s.probability, s.match_weight)
        })
        .filter(|(_, p, _)| *p >= min_probability)
        .collect();
    scored.sort_unstable_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)));
    scored.truncate(max_results.max(0) as usize);
    TableIterator::new(scored)
}

/// The rows sharing a match key with `keys` (at most MAX_CANDIDATES), but
/// the row `own_id` itself and rows a steward said are not it, prepared.
/// A key more than `max_block` rows share brings none: `dedupe` does not
/// pair through it either (see `blocking::DEFAULT_MAX_BLOCK`), and with
/// the most common names such keys made every probe read and score a
/// thousand strangers.
fn candidates(target: &Target, keys: &[i64], own_id: Option<&str>, max_block: usize) -> (Vec<String>, Vec<Record>) {
    if keys.is_empty() {
        return (vec![], vec![]);
    }
    // The ids from the catalog, as the extension's owner; the rows from
    // the table, as the caller (row-level security decides what it sees).
    // Both with kept plans (src/plans.rs): they run for every probe.
    let ids: Vec<String> = if target.citus {
        distributed::candidate_ids(target, keys, own_id, max_block, MAX_CANDIDATES as usize)
    } else {
        local_candidate_ids(target, keys, own_id, max_block)
    };
    records_of(target, ids)
}

/// The rows `ids` the caller can see, as (ids found, their records), with
/// a kept plan (src/plans.rs): it runs for every probe and every join.
fn records_of(target: &Target, ids: Vec<String>) -> (Vec<String>, Vec<Record>) {
    if ids.is_empty() {
        return (vec![], vec![]);
    }
    let sql = format!(
        "{} WHERE t.{id} = ANY ($1::text[]::{ty}[])",
        target.select,
        id = quote(&target.id_column),
        ty = target.id_type,
    );
    let width = target.columns.len();
    plans::with_table_plan(target.citus, &sql, &[plans::TEXT_ARRAY], |client, plan| {
        let mut found = Vec::new();
        let mut records = Vec::new();
        for row in client.select(plan, None, &[ids.into()])? {
            found.push(row.get::<String>(1)?.unwrap_or_default());
            let values: Vec<Option<String>> =
                (2..=width + 1).map(|i| row.get::<String>(i)).collect::<Result<_, _>>()?;
            records.push(target.prepare(&values));
        }
        Ok((found, records))
    })
    .or_spi_failed(target.caller)
}

/// The ids of `candidates` from the local match keys (a table on one node).
fn local_candidate_ids(target: &Target, keys: &[i64], own_id: Option<&str>, max_block: usize) -> Vec<String> {
    // Each key's block is read up to one row past max_block: enough to
    // tell it is too large, without reading all of it.
    static IDS_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        format!(
            "SELECT ARRAY(SELECT DISTINCT b.row_id
                        FROM unnest($2::bigint[]) AS k(key)
                        CROSS JOIN LATERAL (SELECT array_agg(m.row_id) AS ids
                                              FROM (SELECT m.row_id FROM customer_clean.match_keys m
                                                     WHERE m.key = k.key AND m.tbl = $1 LIMIT $4 + 1) m) AS block
                        CROSS JOIN LATERAL unnest(block.ids) AS b(row_id)
                       WHERE cardinality(block.ids) <= $4 AND b.row_id IS DISTINCT FROM $3
                         AND NOT EXISTS (SELECT 1 FROM customer_clean.review_queue q
                                          WHERE q.tbl = $1 AND q.status = 'rejected'
                                            AND (q.row_id_a, q.row_id_b) IN ((b.row_id, $3), ($3, b.row_id)))
                       LIMIT {MAX_CANDIDATES})"
        )
    });
    let max_block = i64::try_from(max_block).unwrap_or(i64::MAX - 1);
    crate::security::as_extension_owner(|| {
        let types = [plans::OID, plans::INT8_ARRAY, plans::TEXT, plans::INT8];
        plans::with_plan(&IDS_SQL, &types, |client, plan| {
            let args = [target.oid.into(), keys.to_vec().into(), own_id.into(), max_block.into()];
            client.select(plan, Some(1), &args)?.first().get_one::<Vec<String>>()
        })
    })
    .or_spi_failed(target.caller)
    .unwrap_or_default()
}

/// Whether `tbl` has a trained model (read as the extension's owner: the
/// models are not for every reader of the table; see sql/access.sql).
fn has_model(tbl: pg_sys::Oid, caller: &'static str) -> bool {
    crate::security::as_extension_owner(|| {
        Spi::get_one_with_args::<bool>(
            "SELECT EXISTS (SELECT 1 FROM customer_clean.models WHERE tbl = $1)",
            &[tbl.into()],
        )
    })
    .or_spi_failed(caller)
    .unwrap_or(false)
}

/// Raises 55000 unless `tbl` has a trained model (for `enable_cleaning(…,
/// match_on_insert => true)`, which needs one).
pub fn require_model(tbl: pg_sys::Oid, caller: &'static str) {
    if !has_model(tbl, caller) {
        let name = table_name(tbl);
        Report::new(
            PgSqlErrorCode::ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
            caller,
            format!("{caller}: match_on_insert needs a trained model, and {name} has none"),
        )
        .hint(format!("run SELECT customer_clean.train('{}') first", name.replace('\'', "''")))
        .raise();
    }
}

/// The work of the `match_on_insert` trigger: for each new row of `tbl`
/// (`rows`, a jsonb array of the inserted rows), stores its match keys,
/// scores the rows sharing a key with it, puts it in the cluster of its
/// best match when that pair is at least `min_probability` likely (and
/// something personal agrees), and puts uncertain pairs in the review
/// queue — all inside the inserting transaction. Returns a summary.
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn match_new_rows(
    tbl: Table,
    rows: Json,
    min_probability: default!(f64, 0.9),
    review_probability: default!(f64, 0.5),
) -> JsonB {
    const FN: &str = "match_on_insert";
    if crate::security::restoring(tbl.oid()) {
        return JsonB(json!({"rows": 0, "clustered": 0, "review_pairs": 0, "restored": true}));
    }
    // Writers of the table match what they write; the values are read from
    // the table again (as the caller, so RLS applies), never taken from
    // the argument, so a direct call cannot plant made-up rows in the
    // review queue or a cluster. Reading them, and the candidates, takes
    // SELECT.
    crate::security::require_table_privileges(
        tbl.oid(),
        &[crate::security::Privilege::Select, crate::security::Privilege::Insert],
        FN,
    );
    let target = Target::new(&tbl, FN);
    lock_catalog(&target, false);
    let model = target.model(FN);
    let ids: Vec<String> = rows
        .0
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|row| target.record_of_json(row.as_object()?).0)
        .collect();
    let new_rows: Vec<(String, Record)> = target.read_ids(&ids, FN);
    // Keys first, so that rows inserted by one statement find each other.
    let keys: Vec<Vec<i64>> = new_rows.iter().map(|(_, r)| blocking::lookup_keys(r, target.salt())).collect();
    insert_keys(
        &target,
        new_rows.iter().zip(&keys).flat_map(|((id, _), ks)| ks.iter().map(move |k| (*k, id.clone()))).unzip(),
    );
    let (clustered, review) = match_each(
        &target,
        &model,
        &new_rows,
        &mut |i| candidates(&target, &keys[i], Some(&new_rows[i].0), model.max_block_size),
        min_probability,
        review_probability,
    );
    JsonB(json!({"rows": new_rows.len(), "clustered": clustered, "review_pairs": review}))
}

/// Matches each of `new_rows` (whose match keys are stored): scores its
/// candidates (`candidates_of(i)` for row i: the rows sharing a lookup key
/// with it), puts it in the cluster of
/// its best match when that pair is at least `min_probability` likely (and
/// something personal agrees, and nothing conflicts), and puts the other
/// pairs at least `review_probability` likely in the review queue. The
/// one decision of `match_on_insert`, on one node (in the inserting
/// statement) and on Citus (`match_pending`). Returns how many rows joined
/// a cluster and how many pairs went to review.
fn match_each(
    target: &Target,
    model: &Model,
    new_rows: &[(String, Record)],
    candidates_of: &mut dyn FnMut(usize) -> (Vec<String>, Vec<Record>),
    min_probability: f64,
    review_probability: f64,
) -> (usize, usize) {
    let scorer = model.scorer();
    let (mut clustered, mut review) = (0, 0);
    for (i, (id, record)) in new_rows.iter().enumerate() {
        pg_sys::check_for_interrupts!();
        let (ids, candidates) = candidates_of(i);
        let pairs: Vec<(&str, &Record)> = ids.iter().map(String::as_str).zip(&candidates).collect();
        // The decision is the engine's (engine/src/matching/join.rs), by
        // the clustering rule of a batch dedupe; this carries it out.
        let steps = join_steps(
            &scorer,
            record,
            &pairs,
            &NameFrequency::Model,
            min_probability,
            review_probability,
            &ClusterOptions::default(),
            &mut |candidate| cluster_members(target, id, &ids[candidate]),
        );
        for step in steps {
            match step {
                Step::Join { candidate, .. } => {
                    join_cluster(target, id, pairs[candidate].0);
                    clustered += 1;
                }
                Step::Review { candidate, probability, reason, unless_same_cluster } => {
                    let (cid, c) = pairs[candidate];
                    if unless_same_cluster && same_cluster(target, id, cid) {
                        continue;
                    }
                    let (a, b) = if id.as_str() <= cid { (id.as_str(), cid) } else { (cid, id.as_str()) };
                    run(
                        target.caller,
                        "INSERT INTO customer_clean.review_queue (tbl, row_id_a, row_id_b, probability, explanation, reason, found_by)
                         VALUES ($1, $2, $3, $4, $5, $6, 'match_on_insert')
                         ON CONFLICT (tbl, row_id_a, row_id_b) DO NOTHING",
                        vec![
                            target.oid.into(),
                            a.into(),
                            b.into(),
                            probability.into(),
                            JsonB(explanation(model, record, c, &NameFrequency::Model)).into(),
                            reason.into(),
                        ],
                    );
                    review += 1;
                }
            }
        }
    }
    (clustered, review)
}

/// The other members of `candidate`'s cluster (none when it is in no
/// cluster) for new row `id` to join: their records as the caller sees
/// them (a row hidden by row-level security only counts), and whether a
/// steward rejected the pair of `id` with each. The clusters and the
/// review queue are read as the extension's owner, as `candidates` reads
/// the match keys.
fn cluster_members(target: &Target, id: &str, candidate: &str) -> Vec<Member> {
    const MEMBERS_SQL: &str = "SELECT y.row_id,
                EXISTS (SELECT 1 FROM customer_clean.review_queue q
                         WHERE q.tbl = $1 AND q.status = 'rejected'
                           AND (q.row_id_a, q.row_id_b) IN ((y.row_id, $2), ($2, y.row_id)))
           FROM customer_clean.clusters x JOIN customer_clean.clusters y USING (tbl, cluster_id)
          WHERE x.tbl = $1 AND x.row_id = $3 AND y.row_id <> $3 AND y.row_id <> $2
          ORDER BY y.row_id";
    let members: Vec<(String, bool)> = crate::security::as_extension_owner(|| {
        plans::with_plan(MEMBERS_SQL, &[plans::OID, plans::TEXT, plans::TEXT], |client, plan| {
            client
                .select(plan, None, &[target.oid.into(), id.into(), candidate.into()])?
                .map(|row| Ok((row.get::<String>(1)?.unwrap_or_default(), row.get::<bool>(2)?.unwrap_or(false))))
                .collect::<Result<Vec<_>, pgrx::spi::SpiError>>()
        })
    })
    .or_spi_failed(target.caller);
    let (found, records) = records_of(target, members.iter().map(|(m, _)| m.clone()).collect());
    let mut visible: HashMap<String, Record> = found.into_iter().zip(records).collect();
    members.into_iter().map(|(m, rejected)| Member { record: visible.remove(&m), rejected }).collect()
}

/// Whether rows `a` and `b` are in one cluster.
fn same_cluster(target: &Target, a: &str, b: &str) -> bool {
    crate::security::as_extension_owner(|| {
        Spi::get_one_with_args::<bool>(
            "SELECT EXISTS (SELECT 1 FROM customer_clean.clusters x JOIN customer_clean.clusters y USING (tbl, cluster_id)
                             WHERE x.tbl = $1 AND x.row_id = $2 AND y.row_id = $3)",
            &[target.oid.into(), a.into(), b.into()],
        )
    })
    .or_spi_failed(target.caller)
    .unwrap_or(false)
}

/// Puts row `id` into the cluster of row `other`, creating that cluster
/// when `other` is in none; a row already in a cluster stays where it is.
fn join_cluster(target: &Target, id: &str, other: &str) {
    run(
        target.caller,
        "WITH c AS (SELECT coalesce((SELECT cluster_id FROM customer_clean.clusters WHERE tbl = $1 AND row_id = $3),
                                    nextval('customer_clean.cluster_id_seq')) AS cluster_id),
              o AS (INSERT INTO customer_clean.clusters (tbl, row_id, cluster_id, assigned_by)
                    SELECT $1, $3, cluster_id, 'match_on_insert' FROM c
                    ON CONFLICT (tbl, row_id) DO NOTHING)
         INSERT INTO customer_clean.clusters (tbl, row_id, cluster_id, assigned_by)
         SELECT $1, $2, cluster_id, 'match_on_insert' FROM c
         ON CONFLICT (tbl, row_id) DO NOTHING",
        vec![target.oid.into(), id.into(), other.into()],
    );
}

// The trigger function of `enable_cleaning(…, match_on_insert => true)`:
// hands the statement's new rows to match_new_rows in one call.
::pgrx::extension_sql_file!(
    "../sql/match_on_insert.sql",
    name = "match_on_insert_trigger",
    requires = [match_new_rows]
);

/// Keeps the match keys of `tbl` current when rows change outside the
/// cleaning trigger (`merge` and `unmerge` call it): removes the keys of
/// `old_rows` and stores those of `new_rows` (jsonb arrays of rows keyed by
/// column name, e.g. `jsonb_build_array(to_jsonb(t))`). Rows without an id
/// are skipped. Returns the number of keys stored; none for a table
/// without a model (it has no match keys to keep).
#[pg_extern(volatile, strict, parallel_unsafe)]
#[search_path(pg_catalog, pg_temp)]
fn update_match_keys(tbl: Table, old_rows: Json, new_rows: Json) -> i64 {
    const FN: &str = "update_match_keys";
    // The keys are taken from rows the caller passes: only merge and
    // unmerge, which pass the rows they read themselves, may store them.
    crate::security::require_catalog_window(&tbl, FN);
    if !has_model(tbl.oid(), FN) {
        return 0;
    }
    let target = Target::new(&tbl, FN);
    let keyed = |rows: &Json, name: &str| -> (Vec<i64>, Vec<String>) {
        let Some(rows) = rows.0.as_array() else {
            Report::new(
                PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
                FN,
                format!("{FN}: {name} must be a JSON array of rows, not {}", rows.0),
            )
            .hint("pass e.g. jsonb_build_array(to_jsonb(t))")
            .raise()
        };
        rows.iter()
            .filter_map(|row| {
                let (id, record) = target.record_of_json(row.as_object()?);
                Some((id?, record))
            })
            .flat_map(|(id, record)| {
                blocking::lookup_keys(&record, target.salt()).into_iter().map(move |k| (k, id.clone()))
            })
            .unzip()
    };
    let (old_keys, old_ids) = keyed(&old_rows, "old_rows");
    delete_keys(&target, (old_keys, old_ids));
    let new = keyed(&new_rows, "new_rows");
    let stored = new.0.len() as i64;
    insert_keys(&target, new);
    stored
}

/// The work of cluster_probability() with the row ids as text: how surely
/// the rows `row_ids` of `tbl` are one customer. Each row's best match
/// probability with another of them, and of those the lowest (the weakest
/// link that holds the group together). NULL for fewer than two rows;
/// raises P0002 for an id with no row. `cluster_probability(tbl,
/// anycompatiblearray)` (sql/typed_ids.sql) calls it with any id type.
#[pg_extern(name = "cluster_probability_text", stable, strict, parallel_safe)]
#[search_path(pg_catalog, pg_temp)]
fn cluster_probability(tbl: Table, row_ids: Vec<Option<String>>) -> Option<f64> {
    const FN: &str = "cluster_probability";
    crate::security::require(tbl.oid(), crate::security::READ, FN);
    let target = Target::new(&tbl, FN);
    let model = target.model(FN);
    let records: Vec<Record> = row_ids.iter().flatten().map(|id| target.read_one(id, FN)).collect();
    if records.len() < 2 {
        return None;
    }
    let best = |i: usize| {
        (0..records.len())
            .filter(|&j| j != i)
            .map(|j| model.probability(&records[i], &records[j], &NameFrequency::Model))
            .fold(0.0_f64, f64::max)
    };
    Some((0..records.len()).map(best).fold(1.0_f64, f64::min))
}
