#!/usr/bin/env bash
# Incremental dedupe (issue 18): what a second dedupe costs when a share of
# the rows changed, against a full run over the same rows, with the
# accuracy of both.
#
#   bench/incremental.sh [--rows 1000000] [--change 0.01] [--batch-memory 1GB]
#
# N generated customers (bench/match_data.py generated --rows N --seed 42,
# cached in bench/out/match/) are loaded raw into bench_incr with their
# truth, registered as in bench/scale.sh, trained ({"seed": 42}) and
# deduplicated with incremental => true (a full run that stores the state).
# Then --change of the rows change, a third each way:
#   - updated: the e-mail of a row rewritten (a new address), the name of
#     another upper-cased;
#   - inserted: copies of existing rows with one letter added to the name
#     (the truth: the same person);
#   - deleted.
# Timed, each in a fresh backend: dedupe(incremental => true) (incremental),
# then dedupe() (full, no state). Both outcomes are scored against the
# truth (pairwise precision, recall, F1, in SQL), and the rows whose
# cluster (as a set of rows) differs between the two are counted. Prints a
# table and appends a JSON line to bench/out/incremental_results.jsonl.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS=1000000 CHANGE=0.01 BATCH_MEMORY=1GB
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --change) CHANGE=$2; shift 2 ;;
    --batch-memory) BATCH_MEMORY=$2; shift 2 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ $ROWS =~ ^[1-9][0-9]*$ ]] || { echo "--rows: a positive integer" >&2; exit 2; }
[[ $CHANGE =~ ^0?\.[0-9]+$ ]] || { echo "--change: a share of the rows, e.g. 0.01" >&2; exit 2; }
[[ $BATCH_MEMORY =~ ^[0-9]+(kB|MB|GB)$ ]] || { echo "--batch-memory: e.g. 1GB" >&2; exit 2; }

MATCH_DIR="$OUT_DIR/match"
mkdir -p "$MATCH_DIR"
ensure_cluster
ensure_extension || die "customer_clean is not installed (or failed to create)"
name="generated_$ROWS"
python3 "$BENCH_DIR/match_data.py" generated --rows "$ROWS" --seed 42 >&2
input="$MATCH_DIR/$name.input.csv" truth="$MATCH_DIR/$name.truth.csv"
[[ $(head -1 "$input") =~ ^id, ]] || die "$input: first column is not id"
columns="id bigint PRIMARY KEY$(text_columns "$input")" || exit 1
server_dir="$(dirname "$BENCH_PGDATA")"
cp "$input" "$server_dir/incr_input.csv"
cp "$truth" "$server_dir/incr_truth.csv"
chown postgres "$server_dir/incr_input.csv" "$server_dir/incr_truth.csv"
truth_header=$(head -1 "$truth")
[[ $truth_header =~ ^id,entity(,household)?$ ]] || die "$truth: expected the columns id, entity[, household]"
truth_columns="id bigint PRIMARY KEY, entity text${truth_header#id,entity}"
truth_columns=${truth_columns/,household/, household text}

TBL=bench_incr
PROFILE='{"id": "id", "name": "full_name", "phone": "phone", "email": "email", "address": "address",
  "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
  "national_id": "national_id", "updated_at": "updated_at", "source": "source_system"}'
log "$name: loading $TBL (raw) and its truth"
bpsql -d "$BENCH_DB" -q -c "DROP TABLE IF EXISTS $TBL, ${TBL}_truth, ${TBL}_clusters CASCADE" \
  -c "VACUUM FULL customer_clean.match_keys, customer_clean.clusters, customer_clean.review_queue" \
  -c "CREATE TABLE $TBL ($columns)" \
  -c "COPY $TBL FROM '$server_dir/incr_input.csv' WITH (FORMAT csv, HEADER)" -c "ANALYZE $TBL" \
  -c "CREATE TABLE ${TBL}_truth ($truth_columns)" \
  -c "COPY ${TBL}_truth FROM '$server_dir/incr_truth.csv' WITH (FORMAT csv, HEADER)" \
  -c "SELECT customer_clean.register('$TBL', '$PROFILE', '{\"default_region\": \"CN\"}')" >/dev/null

# One statement in a fresh backend; prints "<seconds> <result>".
timed() {
  PGOPTIONS="-c client_min_messages=warning" psql -h "$BENCH_SOCK" -p "$BENCH_PGPORT" -U postgres -X -d "$BENCH_DB" \
    -qAt -v ON_ERROR_STOP=1 -c "SET customer_clean.batch_memory = '$BATCH_MEMORY'" \
    -c "SELECT extract(epoch FROM clock_timestamp())" -c "$1" -c "SELECT extract(epoch FROM clock_timestamp())" |
    awk 'NR == 1 {t0 = $0; next} {if (r != "") out = out r "\n"; r = $0} END {printf "%.1f %s", r - t0, out}'
}
# Pairwise precision, recall and F1 of the clusters now against the truth.
score() {
  bpsql -d "$BENCH_DB" -qAt -c "
    WITH c AS (SELECT t.entity, coalesce(k.cluster_id, -t.id) AS cluster
                 FROM ${TBL}_truth t JOIN $TBL USING (id)
                 LEFT JOIN customer_clean.clusters k ON k.tbl = '$TBL'::regclass AND k.row_id = t.id::text),
         p AS (SELECT (SELECT sum(n * (n - 1) / 2) FROM (SELECT count(*) AS n FROM c GROUP BY cluster, entity) x) AS tp,
                      (SELECT sum(n * (n - 1) / 2) FROM (SELECT count(*) AS n FROM c GROUP BY cluster) x) AS predicted,
                      (SELECT sum(n * (n - 1) / 2) FROM (SELECT count(*) AS n FROM c GROUP BY entity) x) AS truth)
    SELECT json_build_object('precision', round(tp::numeric / greatest(predicted, 1), 5),
                             'recall', round(tp::numeric / greatest(truth, 1), 5),
                             'f1', round(2.0 * tp / greatest(predicted + truth, 1), 5)) FROM p"
}

log "train, then dedupe(incremental => true): a full run that stores the state"
read -r train_s _ <<<"$(timed "SELECT customer_clean.train('$TBL', '{\"seed\": 42}') IS NOT NULL")"
read -r first_s first <<<"$(timed "SELECT customer_clean.dedupe('$TBL', incremental => true)")"
log "  train $train_s s, first dedupe $first_s s"

log "changing $CHANGE of the rows"
changed=$(bpsql -d "$BENCH_DB" -qAt -v ON_ERROR_STOP=1 -c "
  WITH s AS (SELECT greatest(1, round(count(*) * $CHANGE / 3))::bigint AS each, max(id) AS top FROM $TBL),
       e AS (UPDATE $TBL t SET email = 'moved.' || t.id || '@example.com' FROM s
              WHERE t.id IN (SELECT id FROM $TBL ORDER BY hashint8(id) LIMIT (SELECT each FROM s) / 2) RETURNING 1),
       n AS (UPDATE $TBL t SET full_name = upper(t.full_name) FROM s
              WHERE t.id IN (SELECT id FROM $TBL ORDER BY hashint8(id + 1) LIMIT (SELECT each FROM s) - (SELECT each FROM s) / 2) RETURNING 1),
       i AS (INSERT INTO $TBL SELECT t.id + s.top, t.full_name || 'a', t.phone, t.email, t.address, t.country, t.postcode,
                     t.birth_date, t.gender, t.national_id, t.source_system, t.updated_at
               FROM $TBL t, s WHERE t.id IN (SELECT id FROM $TBL ORDER BY hashint8(id + 2) LIMIT (SELECT each FROM s)) RETURNING 1),
       tr AS (INSERT INTO ${TBL}_truth (id, entity) SELECT t.id + s.top, t.entity FROM ${TBL}_truth t, s
               WHERE t.id IN (SELECT id FROM $TBL ORDER BY hashint8(id + 2) LIMIT (SELECT each FROM s)) RETURNING 1),
       d AS (DELETE FROM $TBL WHERE id IN (SELECT id FROM $TBL ORDER BY hashint8(id + 3) LIMIT (SELECT each FROM s)) RETURNING 1)
  SELECT (SELECT count(*) FROM e) + (SELECT count(*) FROM n) || ' updated, ' || (SELECT count(*) FROM i) || ' inserted, '
         || (SELECT count(*) FROM d) || ' deleted'")
log "  $changed"
bpsql -d "$BENCH_DB" -q -c "ANALYZE $TBL"

log "dedupe(incremental => true)"
read -r inc_s inc <<<"$(timed "SELECT customer_clean.dedupe('$TBL', incremental => true)")"
inc_score=$(score)
bpsql -d "$BENCH_DB" -q -c "CREATE TABLE ${TBL}_clusters AS SELECT row_id, cluster_id FROM customer_clean.clusters WHERE tbl = '$TBL'::regclass"
log "  $inc_s s: $inc_score"
log "dedupe() over the same rows"
read -r full_s full <<<"$(timed "SELECT customer_clean.dedupe('$TBL')")"
full_score=$(score)
log "  $full_s s: $full_score"
# Rows whose cluster, as the set of its rows, differs between the two.
differ=$(bpsql -d "$BENCH_DB" -qAt -c "
  WITH ic AS (SELECT cluster_id, string_agg(row_id, ',' ORDER BY row_id) AS members FROM ${TBL}_clusters GROUP BY cluster_id),
       i AS (SELECT k.row_id, ic.members FROM ${TBL}_clusters k JOIN ic USING (cluster_id)),
       fc AS (SELECT cluster_id, string_agg(row_id, ',' ORDER BY row_id) AS members
                FROM customer_clean.clusters WHERE tbl = '$TBL'::regclass GROUP BY cluster_id),
       f AS (SELECT k.row_id, fc.members FROM customer_clean.clusters k JOIN fc USING (cluster_id) WHERE k.tbl = '$TBL'::regclass)
  SELECT count(*) FROM i FULL JOIN f USING (row_id) WHERE i.members IS DISTINCT FROM f.members")

python3 - "$OUT_DIR/incremental_results.jsonl" "$ROWS" "$CHANGE" "$changed" "$train_s" "$first_s" "$inc_s" "$full_s" \
  "$inc_score" "$full_score" "$differ" "$inc" <<'PY'
import json, sys, datetime
path, rows, change, changed, train_s, first_s, inc_s, full_s, inc_score, full_score, differ, inc = sys.argv[1:]
r = {"at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), "rows": int(rows),
     "change": float(change), "changed": changed, "train_s": float(train_s), "first_dedupe_s": float(first_s),
     "incremental_s": float(inc_s), "full_s": float(full_s), "incremental": json.loads(inc_score),
     "full": json.loads(full_score), "rows_in_other_clusters": int(differ), "summary": json.loads(inc)}
with open(path, "a") as f:
    f.write(json.dumps(r) + "\n")
print(f"\n{int(rows):,} rows, {changed}:")
print("| run | seconds | precision | recall | F1 |")
print("|---|---|---|---|---|")
print(f"| first dedupe (full, stores the state) | {r['first_dedupe_s']:.1f} | | | |")
for label, key, s in (("incremental", "incremental", r["incremental_s"]), ("full, same rows", "full", r["full_s"])):
    q = r[key]
    print(f"| {label} | {s:.1f} | {q['precision']:.5f} | {q['recall']:.5f} | {q['f1']:.5f} |")
print(f"\nincremental / full: {r['incremental_s'] / r['full_s']:.3f}; rows whose cluster differs: {differ}")
print("steps: " + json.dumps(r["summary"].get("steps")))
PY
