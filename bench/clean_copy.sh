#!/usr/bin/env bash
# Cost of clean-on-write on a bulk load, speed of clean_table, and the
# script pipeline a team without customer_clean would run instead.
#
#   bench/clean_copy.sh [--rows N] [--repeat R]
#
# Generates N dirty customer rows twice (bench/gen_customers.py): the usual
# data (seed 42, 60% Chinese customers) and mixed-country data (seed 43,
# 30% Chinese, 70% US: US phone spellings, SSNs beside Chinese IDs in
# national_id). In the private cluster (port 5497, socket /tmp/bench_sock),
# best of R runs, each a server-side COPY FROM the file (no client time):
#   plain    into bench_plain, a table with a primary key and no trigger
#   cleaned  into bench_cleaned, same columns, registered with every role and
#            enable_cleaning(on_invalid => 'flag'): each row is normalized and
#            checked, originals go to customer_clean.changes, problems to
#            customer_clean.issues
#   in-row   into bench_in_row, the same plus a jsonb column `originals`, the
#            profile's originals_column: originals stay in the row
# and prints each ratio to plain (targets: journal <= 4, in-row <= 3).
# Then loads the raw rows into bench_raw (no trigger) and times CALL
# clean_table over them: rows/s (target >= 100,000). Last, the peer: the
# script pipeline of bench/peer_clean.py (pandas, phonenumbers,
# email-validator; in bench/.venv-peer) over the same file, then a COPY of
# its output into bench_peer, end to end, against our cleaned COPY of the
# same file (target: ours >= 10x faster). The catalog tables are emptied
# between runs, outside the timings.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS=1000000 REPEAT=3
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

ensure_apt bc
ensure_cluster
ensure_extension
ensure_peer_venv

# server_csv CSV: a copy the server can read (COPY FROM a file runs as it)
server_csv() {
  local copy
  copy="$(dirname "$BENCH_PGDATA")/$(basename "$1")"
  if [[ ! -s $copy || $1 -nt $copy ]]; then
    cp "$1" "$copy"
    chown postgres "$copy"
  fi
  echo "$copy"
}
CSV=$(generated_customers "$ROWS")
MIXED_CSV="$OUT_DIR/customers_${ROWS}_mixed_43.csv"
if [[ ! -s $MIXED_CSV ]]; then
  log "generating $ROWS mixed-country rows (30% Chinese)"
  python3 "$BENCH_DIR/gen_customers.py" --rows "$ROWS" --seed 43 --cn-share 0.3 --out "$MIXED_CSV.tmp"
  mv "$MIXED_CSV.tmp" "$MIXED_CSV"
fi
SERVER_CSV=$(server_csv "$CSV")
SERVER_MIXED=$(server_csv "$MIXED_CSV")
PEER_OUT="$(dirname "$BENCH_PGDATA")/peer_cleaned_${ROWS}.csv"

COLUMNS="id bigint PRIMARY KEY, true_entity_id bigint, household_id bigint, full_name text, phone text,
  email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp"
PROFILE='{"id": "id", "name": "full_name", "phone": "phone", "email": "email", "address": "address",
  "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
  "national_id": "national_id", "source": "source_system", "updated_at": "updated_at"}'
OPTIONS='{"default_region": "CN", "date_order": "DMY"}'
IN_ROW_OPTIONS='{"default_region": "CN", "date_order": "DMY", "originals_column": "originals"}'
TABLES="bench_plain, bench_cleaned, bench_in_row, bench_raw, bench_peer"

log "creating tables"
bpsql -d "$BENCH_DB" -q >/dev/null <<SQL
DROP TABLE IF EXISTS $TABLES;
CREATE TABLE bench_plain ($COLUMNS);
CREATE TABLE bench_cleaned ($COLUMNS);
CREATE TABLE bench_in_row ($COLUMNS, originals jsonb);
CREATE TABLE bench_raw ($COLUMNS);
CREATE TABLE bench_peer ($COLUMNS, problems text);
SELECT customer_clean.register('bench_cleaned', '$PROFILE', '$OPTIONS');
SELECT customer_clean.enable_cleaning('bench_cleaned', 'flag');
SELECT customer_clean.register('bench_in_row', '$PROFILE', '$IN_ROW_OPTIONS');
SELECT customer_clean.enable_cleaning('bench_in_row', 'flag');
SELECT customer_clean.register('bench_raw', '$PROFILE', '$OPTIONS');
SQL

reset_sql() {
  echo "TRUNCATE $TABLES, customer_clean.issues, customer_clean.changes, customer_clean.quarantine;"
  echo "DELETE FROM customer_clean.clean_table_runs;"
  echo "CHECKPOINT;"
}

# seconds SQL: runs SQL after a reset, prints its time in seconds
seconds() {
  { reset_sql; echo "\\timing on"; echo "$1"; } |
    PGOPTIONS="-c client_min_messages=warning" bpsql -d "$BENCH_DB" -qAt 2>&1 | awk '/^Time:/ {t = $2 / 1000} END {print t}'
}

best() { printf '%s\n' "$@" | sort -g | head -1; }
# copy_sql TABLE FILE: the COPY of a generated file (its columns: the
# in-row and peer tables have one more)
CSV_COLUMNS="id, true_entity_id, household_id, full_name, phone, email, address, country, postcode, birth_date,
  gender, national_id, source_system, updated_at"
copy_sql() {
  local columns="($CSV_COLUMNS)"
  [[ $1 == bench_peer ]] && columns="($CSV_COLUMNS, problems)"
  echo "COPY $1 $columns FROM '$2' WITH (FORMAT csv, HEADER)"
}

declare -A RUNS
# timed LABEL SQL: one run of SQL, appended to RUNS[LABEL]
timed() {
  local t
  log "run $i/$REPEAT: $1"
  t=$(seconds "$2")
  log "  $t s"
  RUNS[$1]+="$t "
}

for ((i = 1; i <= REPEAT; i++)); do
  timed plain "$(copy_sql bench_plain "$SERVER_CSV")"
  timed cleaned "$(copy_sql bench_cleaned "$SERVER_CSV")"
  timed in_row "$(copy_sql bench_in_row "$SERVER_CSV")"
  timed mixed_plain "$(copy_sql bench_plain "$SERVER_MIXED")"
  timed mixed_cleaned "$(copy_sql bench_cleaned "$SERVER_MIXED")"
done
declare -A BEST
for k in "${!RUNS[@]}"; do
  # shellcheck disable=SC2086
  BEST[$k]=$(best ${RUNS[$k]})
done

log "what the cleaned COPY recorded"
bpsql -d "$BENCH_DB" -q -c "$(reset_sql)" >/dev/null
bpsql -d "$BENCH_DB" -q -c "$(copy_sql bench_cleaned "$SERVER_CSV")" -c "$(copy_sql bench_in_row "$SERVER_CSV")" >/dev/null
COUNTS=$(bpsql -d "$BENCH_DB" -qAt -F' ' -c "SELECT (SELECT count(*) FROM bench_cleaned),
  (SELECT count(*) FROM customer_clean.changes WHERE tbl = 'bench_cleaned'::regclass),
  (SELECT count(*) FROM customer_clean.issues WHERE tbl = 'bench_cleaned'::regclass),
  (SELECT count(DISTINCT row_id) FROM customer_clean.issues WHERE tbl = 'bench_cleaned'::regclass),
  (SELECT count(*) FROM bench_in_row WHERE originals IS NOT NULL),
  (SELECT count(*) FROM bench_cleaned c JOIN bench_in_row r USING (id)
    WHERE (c.full_name, c.phone, c.email, c.address, c.country, c.postcode, c.birth_date, c.gender, c.national_id)
          IS DISTINCT FROM (r.full_name, r.phone, r.email, r.address, r.country, r.postcode, r.birth_date, r.gender, r.national_id))")
read -r STORED CHANGES ISSUES ISSUE_ROWS IN_ROW_ORIGINALS DIFFERING <<<"$COUNTS"

# An UPDATE of the cleaned rows normalizes only the columns it writes: one
# column not normalized (source_system), against the same UPDATE also
# setting every profiled column to itself (each value cleaned again, as
# every UPDATE did before). Once each, after a VACUUM, on the rows above.
update_seconds() {
  { echo "VACUUM bench_cleaned;"; echo "\\timing on"; echo "$1"; } |
    PGOPTIONS="-c client_min_messages=warning" bpsql -d "$BENCH_DB" -qAt 2>&1 | awk '/^Time:/ {t = $2 / 1000} END {print t}'
}
log "UPDATE of one column of the cleaned rows, then of every profiled column"
UPDATE_ONE=$(update_seconds "UPDATE bench_cleaned SET source_system = 'CRM'")
UPDATE_ALL=$(update_seconds "UPDATE bench_cleaned SET source_system = 'CRM', full_name = full_name, phone = phone,
  email = email, address = address, country = country, postcode = postcode, birth_date = birth_date, gender = gender,
  national_id = national_id")

CT=()
for ((i = 1; i <= REPEAT; i++)); do
  log "run $i/$REPEAT: CALL clean_table(bench_raw)"
  CT+=("$(seconds "$(copy_sql bench_raw "$SERVER_CSV");
\\timing on
CALL customer_clean.clean_table('bench_raw', 10000);" | tail -1)")
  log "  ${CT[-1]} s"
done
T=$(best "${CT[@]}")

PEER=() PEER_COPY=()
for ((i = 1; i <= REPEAT; i++)); do
  log "run $i/$REPEAT: the script pipeline (peer_clean.py), then COPY of its output"
  start=$(date +%s.%N)
  "$VENV_PEER/bin/python" "$BENCH_DIR/peer_clean.py" "$CSV" "$PEER_OUT.tmp" --default-region CN --date-order DMY
  chown postgres "$PEER_OUT.tmp" && mv "$PEER_OUT.tmp" "$PEER_OUT"
  script=$(echo "$(date +%s.%N) - $start" | bc -l)
  copy=$(seconds "$(copy_sql bench_peer "$PEER_OUT")")
  PEER+=("$(echo "$script + $copy" | bc -l)") PEER_COPY+=("$copy")
  log "  script $script s + COPY $copy s"
done
PE=$(best "${PEER[@]}")

ratio() { printf '%.2f' "$(echo "$1 / $2" | bc -l)"; }
P=${BEST[plain]} C=${BEST[cleaned]} R=${BEST[in_row]} MP=${BEST[mixed_plain]} MC=${BEST[mixed_cleaned]}
printf '\nclean-on-write, %s rows, best of %s (seconds of each run in brackets)\n' "$ROWS" "$REPEAT"
printf '  COPY, no trigger                         %8.3f s                  [%s]\n' "$P" "${RUNS[plain]}"
printf '  COPY, cleaning, originals in the journal %8.3f s   ratio %6.2f (target <= 4)   [%s]\n' "$C" "$(ratio "$C" "$P")" "${RUNS[cleaned]}"
printf '  COPY, cleaning, originals in the row     %8.3f s   ratio %6.2f (target <= 3)   [%s]\n' "$R" "$(ratio "$R" "$P")" "${RUNS[in_row]}"
printf '  mixed-country data (70%% US), no trigger  %8.3f s                  [%s]\n' "$MP" "${RUNS[mixed_plain]}"
printf '  mixed-country data, cleaning, journal    %8.3f s   ratio %6.2f (target <= 4)   [%s]\n' "$MC" "$(ratio "$MC" "$MP")" "${RUNS[mixed_cleaned]}"
printf '  rows stored %s, changes recorded %s, issues %s on %s rows; in-row: %s rows with originals, %s rows differing from the journal table\n' \
  "$STORED" "$CHANGES" "$ISSUES" "$ISSUE_ROWS" "$IN_ROW_ORIGINALS" "$DIFFERING"
printf 'UPDATE of the %s cleaned rows, once each\n' "$ROWS"
printf '  SET source_system (one column written)   %8.3f s\n' "$UPDATE_ONE"
printf '  SET every profiled column to itself      %8.3f s   (each value cleaned again)\n' "$UPDATE_ALL"
printf 'clean_table, %s rows, batch 10000, best of %s [%s]\n' "$ROWS" "$REPEAT" "${CT[*]}"
printf '  CALL clean_table                         %8.3f s   %.0f rows/s (target >= 100000)\n' "$T" "$(echo "$ROWS / $T" | bc -l)"
printf 'the script pipeline (pandas + phonenumbers + email-validator, then COPY), best of %s [%s; of which COPY %s]\n' \
  "$REPEAT" "${PEER[*]}" "${PEER_COPY[*]}"
printf '  script + COPY                            %8.3f s   %.2fx our cleaned COPY (target >= 10)\n' "$PE" "$(ratio "$PE" "$C")"
