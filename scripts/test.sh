#!/usr/bin/env bash
# Runs every test of customer_clean; sets the machine up first.
#   1. engine unit and property tests      (cargo test -p customer_clean_engine; bench evaluator tests)
#   2. in-database tests                   (cargo pgrx test, #[pg_test] in src/tests.rs)
#   3. SQL scenario tests                  (pg_regress on tests/regress against a scratch cluster; then each file alone),
#      the upgrade from 0.1.0 with data  (tests/upgrade.sh: ALTER EXTENSION UPDATE keeps every row, schema = fresh install),
#      the merge concurrency test         (tests/concurrency/merge_race.sh, pgbench clients),
#      quality snapshots by NOTIFY and pg_cron (tests/quality_schedule.sh, own cluster),
#      hostile input to every SQL function (tests/hostile/run.sh),
#      cancelling the long jobs (tests/cancel.sh), and kill -9 in the middle
#      of merge, merge_clusters and clean_table (tests/crash.sh, own cluster),
#      and load: inserts with match_on_insert + dedupe + a steward (tests/load/run.sh),
#      trojans planted for every built-in the extension calls (tests/security/trojan.sh, own cluster),
#      owner, application, BI reader and two tenant stewards without superuser (tests/security/least_privilege.sh, own cluster),
#      and pg_dump / pg_restore of a worked table (tests/dump_restore.sh, own cluster),
#      and the same scenario on one node and on a Citus coordinator with two workers,
#      Citus built from ../shared/vendor when missing (tests/citus/run.sh, own clusters)
#   4. the SQL scenario tests and the upgrade from 0.1.0 again on PostgreSQL 17 and 18, each built and run in its own Debian root
#      (scripts/pg_versions.sh: debootstrap, Debian's packages, a pg_config wrapper), and the .deb
#      installed with apt in a Debian root without Rust (tests/deb_install.sh)
#   5. docs check: every SQL function is documented with an example that a scenario test runs
set -euo pipefail
cd "$(dirname "$0")/.."
PG_MAJOR=${PG_MAJOR:-15}
PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
WORK=${CC_TEST_DIR:-/tmp/customer_clean_test}
PORT=${CC_TEST_PORT:-5495}

scripts/setup.sh

echo "== 1/5 engine tests"
cargo test -p customer_clean_engine
# The duplicate-detection benchmark's evaluator (Python standard library only).
python3 bench/test_match_eval.py

echo "== 2/5 in-database tests (pgrx)"
mkdir -p "$WORK" && chown postgres: "$WORK"
rm -rf "$WORK/pgrx"
cargo pgrx test "pg$PG_MAJOR" --runas postgres --pgdata "$WORK/pgrx"

echo "== 3/5 SQL scenario tests (pg_regress)"
cargo pgrx install --pg-config "$PG_CONFIG" >/dev/null
scripts/install_upgrade_scripts.sh "$PG_CONFIG"
trap 'scripts/cluster.sh stop "$WORK/regress"' EXIT
scripts/cluster.sh stop "$WORK/regress"
rm -rf "$WORK/regress"
scripts/cluster.sh start "$WORK/regress" "$PORT"
out="$WORK/regress-out"
rm -rf "$out" && mkdir -p "$out"
tests=$(cd tests/regress/sql && ls *.sql | sed 's/\.sql$//')
if ! "$(dirname "$("$PG_CONFIG" --pgxs)")/../test/regress/pg_regress" \
    --host="$WORK/regress/sock" --port="$PORT" --user=postgres \
    --inputdir=tests/regress --outputdir="$out" --dbname=customer_clean_regress \
    $tests; then
  cat "$out/regression.diffs"
  exit 1
fi
# Each file also passes alone, after 00_install (which creates the
# extension): none depends on what an earlier file left behind.
for t in $tests; do
  [ "$t" = 00_install ] && continue
  if ! "$(dirname "$("$PG_CONFIG" --pgxs)")/../test/regress/pg_regress" \
      --host="$WORK/regress/sock" --port="$PORT" --user=postgres \
      --inputdir=tests/regress --outputdir="$out/alone" --dbname=customer_clean_alone \
      00_install "$t" >/dev/null; then
    cat "$out/alone/regression.diffs"
    echo "regress: $t fails when run alone (after 00_install)"
    exit 1
  fi
done
echo "regress: every file passes alone too"
tests/upgrade.sh "$WORK/regress/sock" "$PORT"
tests/concurrency/merge_race.sh "$WORK/regress/sock" "$PORT" 4 20
tests/quality_schedule.sh "$WORK/quality_schedule" $((PORT + 10))
tests/hostile/run.sh "$WORK/regress/sock" "$PORT"
tests/cancel.sh "$WORK/regress/sock" "$PORT"
tests/crash.sh "$WORK/crash" $((PORT + 11))
tests/security/trojan.sh "$WORK/trojan" $((PORT + 12))
tests/security/least_privilege.sh "$WORK/least_privilege" $((PORT + 14))
tests/dump_restore.sh "$WORK/dump_restore" $((PORT + 13))
tests/citus/run.sh "$WORK/citus" $((PORT + 20))
tests/load/run.sh "$WORK/regress/sock" "$PORT" 20

echo "== 4/5 SQL scenario and upgrade tests on PostgreSQL 17 and 18; the .deb"
for major in 17 18; do
  started=$(date +%s)
  scripts/pg_versions.sh install $major
  scripts/pg_versions.sh regress $major $((PORT + major - 2))
  echo "PostgreSQL $major: scenario and upgrade tests passed ($(( $(date +%s) - started )) s with the build)"
done
# the package, installed where there is no Rust (a release build)
tests/deb_install.sh 15 $((PORT + 17))

echo "== 5/5 docs check"
PGHOST="$WORK/regress/sock" PGPORT=$PORT PGUSER=postgres tests/check_docs.sh

echo "all tests passed"
