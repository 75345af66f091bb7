#!/usr/bin/env bash
# Concurrency test of merge and unmerge (issue 5): several pgbench clients
# merge random clusters and random overlapping sets of rows and undo random
# merges of the same 2,000 customers at once. Passes when no client hit an
# unexpected error (a deadlock, a foreign-key violation, ...), every
# customer is accounted for exactly once (table + merge history), no
# reference dangles, and undoing every remaining merge gives back the
# initial state of every table byte for byte.
# Usage: tests/concurrency/merge_race.sh <socket dir> <port> [clients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
host=$1 port=$2 clients=${3:-4} seconds=${4:-20}
db=customer_clean_race
psql() { command psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres "$@"; }
psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -d $db -f tests/concurrency/merge_race_setup.sql >/dev/null
log=$(mktemp)
# pgbench aborts a client at its first error other than a serialization
# failure or deadlock, and retries none here (--max-tries 1): any error fails.
if ! command pgbench -n -h "$host" -p "$port" -U postgres -c "$clients" -j 2 -T "$seconds" --max-tries 1 \
    -f tests/concurrency/merge_race_step.sql $db >"$log" 2>&1; then
  cat "$log"; echo "merge race: pgbench failed"; exit 1
fi
grep -E "^(number of (transactions actually processed|failed transactions)|tps)" "$log"
if grep -qE "aborted|^number of failed transactions: [1-9]" "$log"; then
  cat "$log"; echo "merge race: a client hit an error"; exit 1
fi
got=$(psql -d $db -At -F ' ' -f tests/concurrency/merge_race_check.sql)
echo "$got"
want="merge refused: row gone t
merged t
unmerge refused t
unmerged t
2000 2000 2000
0 t"
want="$want
0
2000"
if [[ "$got" != "$want" ]]; then
  echo "merge race: invariants violated; wanted:"; echo "$want"
  exit 1
fi
psql -d postgres -c "DROP DATABASE $db"
echo "merge race: passed"
