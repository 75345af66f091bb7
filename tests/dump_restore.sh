#!/usr/bin/env bash
# Dump and restore (issue 15): a database with a trained, deduped, merged
# and quality-snapshotted customer table (tests/dump_restore/setup.sql) is
# dumped with pg_dump -Fc and restored with pg_restore into a new database;
# the restore must give no error, carry every catalog row and sequence over
# (tests/dump_restore/state.sql), and match_row, match_on_insert, unmerge,
# quality_trend and clean_table must answer there exactly as in the original
# (tests/dump_restore/probes.sql, run in both and diffed; the file names the
# volatile columns it leaves out).
# Runs its own cluster. Usage: tests/dump_restore.sh <work dir> <port>
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$1 port=$2
PG_BIN=/usr/lib/postgresql/${PG_MAJOR:-15}/bin
a=cc_dump_a b=cc_dump_b
scripts/cluster.sh stop "$dir"
rm -rf "$dir"
scripts/cluster.sh start "$dir" "$port" 2>/dev/null
trap 'scripts/cluster.sh stop "$dir"' EXIT
conn=(-h "$dir/sock" -p "$port" -U postgres)
psql() { PGOPTIONS='-c client_min_messages=warning' command psql -X -q "${conn[@]}" "$@"; }
out=$dir/out
mkdir -p "$out"
fail=0

# A: the table with everything done to it, its state, its dump.
psql -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $a"
psql -v ON_ERROR_STOP=1 -d $a -c "CREATE EXTENSION customer_clean"
psql -v ON_ERROR_STOP=1 -d $a -f tests/dump_restore/setup.sql >"$out/setup.out"
psql -v ON_ERROR_STOP=1 -d $a -f tests/dump_restore/state.sql >"$out/state_a.out"
"$PG_BIN/pg_dump" "${conn[@]}" -Fc -f "$dir/a.dump" $a
# The probes run in A after the dump (they use sequences, which a rollback
# does not reset): A and B start them from the same state.
psql -d $a -f tests/dump_restore/probes.sql >"$out/probes_a.out" 2>&1 || true
if grep -q 'ERROR' "$out/probes_a.out"; then
  echo "dump_restore: the probes fail in the original database:"; grep 'ERROR' "$out/probes_a.out"; exit 1
fi

# B: restored from the dump, without an error or a warning.
psql -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $b"
rc=0
# In parallel (-j), as DBAs restore large databases: the extension's tables
# have no foreign keys between them, so their data loads in any order.
"$PG_BIN/pg_restore" "${conn[@]}" -j 2 -d $b "$dir/a.dump" 2>"$out/restore.err" || rc=$?
if [[ $rc != 0 || -s $out/restore.err ]]; then
  echo "dump_restore: pg_restore exited with $rc; its messages:"; cat "$out/restore.err"; fail=1
fi
psql -v ON_ERROR_STOP=1 -d $b -f tests/dump_restore/state.sql >"$out/state_b.out" 2>&1 || true
psql -d $b -f tests/dump_restore/probes.sql >"$out/probes_b.out" 2>&1 || true

# The comparison.
if ! diff -u --label "state of $a when dumped" --label "state of $b when restored" "$out/state_a.out" "$out/state_b.out" >"$out/state.diff"; then
  echo "dump_restore: the restored catalog differs:"; cat "$out/state.diff"; fail=1
fi
if ! diff -u --label "probes in $a" --label "probes in $b" "$out/probes_a.out" "$out/probes_b.out" >"$out/probes.diff"; then
  echo "dump_restore: the restored database answers differently:"; cat "$out/probes.diff"; fail=1
fi
if [[ $fail == 0 ]]; then
  counts=$(psql -At -F ' ' -d $b -c "SELECT (SELECT count(DISTINCT cluster_id) FROM customer_clean.clusters),
    (SELECT count(*) FROM customer_clean.match_keys), (SELECT count(*) FROM customer_clean.merges),
    (SELECT count(DISTINCT snapshot_id) FROM customer_clean.quality_history)")
  read -r clusters keys merges snapshots <<<"$counts"
  echo "dump_restore: restored $clusters clusters, $keys match keys, $merges merges, $snapshots quality snapshots;" \
       "match_row, match_on_insert, unmerge, quality_trend and clean_table answer as before the dump"
  psql -d postgres -c "DROP DATABASE $a" -c "DROP DATABASE $b"
  echo "dump_restore: passed"
fi
exit $fail
