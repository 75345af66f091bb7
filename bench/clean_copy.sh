#!/usr/bin/env bash
# Cost of clean-on-write on a bulk load, and speed of clean_table.
#
#   bench/clean_copy.sh [--rows N] [--repeat R]
#
# Generates N dirty customer rows (bench/gen_customers.py, seed 42), then in
# the private cluster (port 5497, socket /tmp/bench_sock), best of R runs:
#   plain    COPY into bench_plain, a table with a primary key and no trigger
#   cleaned  the same COPY into bench_cleaned, same columns, registered with
#            every role and enable_cleaning(on_invalid => 'flag'): each row is
#            normalized and checked, originals go to customer_clean.changes,
#            problems to customer_clean.issues
# and prints the ratio cleaned / plain (SPEC §4 target: <= 1.5). Then loads the
# raw rows into bench_raw (no trigger) and times CALL clean_table over it:
# rows/s. Both COPYs read the same file on the server (COPY FROM 'file'), so
# no client time is included. The catalog tables are emptied between runs,
# outside the timings.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS=1000000 REPEAT=3
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

ensure_cluster
ensure_extension

CSV=$(generated_customers "$ROWS")
# COPY FROM a file runs as the server: give it a copy it can read.
SERVER_CSV="$(dirname "$BENCH_PGDATA")/customers_${ROWS}.csv"
if [[ ! -s $SERVER_CSV || $CSV -nt $SERVER_CSV ]]; then
  cp "$CSV" "$SERVER_CSV"
  chown postgres "$SERVER_CSV"
fi

COLUMNS="id bigint PRIMARY KEY, true_entity_id bigint, household_id bigint, full_name text, phone text,
  email text, address text, country text, postcode text, birth_date text, gender text, national_id text,
  source_system text, updated_at timestamp"
PROFILE='{"id": "id", "name": "full_name", "phone": "phone", "email": "email", "address": "address",
  "country": "country", "postcode": "postcode", "birth_date": "birth_date", "gender": "gender",
  "national_id": "national_id", "source": "source_system", "updated_at": "updated_at"}'
OPTIONS='{"default_region": "CN", "date_order": "DMY"}'

log "creating tables"
bpsql -d "$BENCH_DB" -q >/dev/null <<SQL
DROP TABLE IF EXISTS bench_plain, bench_cleaned, bench_raw;
CREATE TABLE bench_plain ($COLUMNS);
CREATE TABLE bench_cleaned ($COLUMNS);
CREATE TABLE bench_raw ($COLUMNS);
SELECT customer_clean.register('bench_cleaned', '$PROFILE', '$OPTIONS');
SELECT customer_clean.enable_cleaning('bench_cleaned', 'flag');
SELECT customer_clean.register('bench_raw', '$PROFILE', '$OPTIONS');
SQL

reset_sql() {
  echo "TRUNCATE bench_plain, bench_cleaned, bench_raw, customer_clean.issues, customer_clean.changes, customer_clean.quarantine;"
  echo "DELETE FROM customer_clean.clean_table_runs;"
  echo "CHECKPOINT;"
}

# seconds SQL: runs SQL after a reset, prints its time in seconds
seconds() {
  { reset_sql; echo "\\timing on"; echo "$1"; } |
    bpsql -d "$BENCH_DB" -qAt 2>&1 | awk '/^Time:/ {t = $2 / 1000} END {print t}'
}

best() { sort -g | head -1; }

PLAIN=() CLEANED=()
for ((i = 1; i <= REPEAT; i++)); do
  log "run $i/$REPEAT: COPY into bench_plain"
  PLAIN+=("$(seconds "COPY bench_plain FROM '$SERVER_CSV' WITH (FORMAT csv, HEADER)")")
  log "  ${PLAIN[-1]} s"
  log "run $i/$REPEAT: COPY into bench_cleaned (flag mode)"
  CLEANED+=("$(seconds "COPY bench_cleaned FROM '$SERVER_CSV' WITH (FORMAT csv, HEADER)")")
  log "  ${CLEANED[-1]} s"
done
P=$(printf '%s\n' "${PLAIN[@]}" | best)
C=$(printf '%s\n' "${CLEANED[@]}" | best)

log "what the cleaned COPY recorded"
COUNTS=$(bpsql -d "$BENCH_DB" -qAt -F' ' -c "SELECT (SELECT count(*) FROM bench_cleaned),
  (SELECT count(*) FROM customer_clean.changes), (SELECT count(*) FROM customer_clean.issues),
  (SELECT count(DISTINCT row_id) FROM customer_clean.issues)")
read -r STORED CHANGES ISSUES ISSUE_ROWS <<<"$COUNTS"

CT=()
for ((i = 1; i <= REPEAT; i++)); do
  log "run $i/$REPEAT: CALL clean_table(bench_raw)"
  CT+=("$( { reset_sql; echo "COPY bench_raw FROM '$SERVER_CSV' WITH (FORMAT csv, HEADER);";
             echo "\\timing on"; echo "CALL customer_clean.clean_table('bench_raw', 10000);"; } |
           PGOPTIONS="-c client_min_messages=warning" bpsql -d "$BENCH_DB" -qAt 2>&1 |
           awk '/^Time:/ {t = $2 / 1000} END {print t}')")
  log "  ${CT[-1]} s"
done
T=$(printf '%s\n' "${CT[@]}" | best)

printf '\nclean-on-write, %s rows, best of %s (runs: plain %s; cleaned %s)\n' "$ROWS" "$REPEAT" "${PLAIN[*]}" "${CLEANED[*]}"
printf '  COPY, no trigger             %8.3f s\n' "$P"
printf '  COPY, cleaning (flag mode)   %8.3f s   ratio %.2f (target <= 1.50)\n' "$C" "$(echo "$C / $P" | bc -l)"
printf '  rows stored %s, changes recorded %s, issues %s on %s rows\n' "$STORED" "$CHANGES" "$ISSUES" "$ISSUE_ROWS"
printf 'clean_table, %s rows, batch 10000, best of %s (runs: %s)\n' "$ROWS" "$REPEAT" "${CT[*]}"
printf '  CALL clean_table             %8.3f s   %.0f rows/s\n' "$T" "$(echo "$ROWS / $T" | bc -l)"
