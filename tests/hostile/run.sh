#!/usr/bin/env bash
# Hostile-input suite (issue 7): tests/hostile/calls.sql calls every SQL
# function of customer_clean with NULLs, empty and blank strings, 1 MB
# strings, Unicode oddities, injection attempts, wrong regions, odd JSON,
# 100,000-element arrays, extreme numbers and dates — one argument at a
# time. Passes when every call returned or raised an error with a real
# SQLSTATE within 10 s, the server never restarted, and the test table
# survived the injection attempts. Prints the SQLSTATEs seen.
# Usage: tests/hostile/run.sh <socket dir> <port>
set -euo pipefail
cd "$(dirname "$0")/../.."
host=$1 port=$2 db=customer_clean_hostile
psql() { command psql -X -h "$host" -p "$port" -U postgres "$@"; }
psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
log=$(mktemp)
started=$(psql -At -d postgres -c "SELECT pg_postmaster_start_time()")
psql -q -d $db -f tests/hostile/calls.sql >/dev/null 2>"$log" || true
grep -v 'ERROR:  [0-9A-Z]\{5\}$' "$log" | grep -v '^$' | grep -v 'calls of [0-9]* functions$' | head -5 > "$log.other" || true
grep 'calls of [0-9]* functions$' "$log" || true
now=$(psql -At -d postgres -c "SELECT pg_postmaster_start_time()")
survived=$(psql -At -d $db -c "SELECT count(*) FROM h.customers")
echo "SQLSTATEs raised by hostile calls (count):"
grep -o 'ERROR:  [0-9A-Z]\{5\}$' "$log" | sort | uniq -c | sort -rn
fail=0
if grep -qE 'ERROR:  (XX|58)[0-9A-Z]{3}$' "$log"; then echo "hostile input: internal errors (XX000/58xxx) above"; fail=1; fi
if grep -q 'ERROR:  57014$' "$log"; then echo "hostile input: a call ran past 10 s"; fail=1; fi
if [[ -s "$log.other" ]]; then echo "hostile input: unexpected output:"; cat "$log.other"; fail=1; fi
if [[ "$started" != "$now" ]]; then echo "hostile input: the server restarted"; fail=1; fi
if [[ "$survived" != 2 ]]; then echo "hostile input: the test table was changed ($survived rows)"; fail=1; fi
psql -q -d postgres -c "DROP DATABASE $db"
# A SQL_ASCII database may hold bytes that are not UTF-8: the extension
# refuses to install there, with a clear error.
psql -q -d postgres -c "DROP DATABASE IF EXISTS ${db}_ascii" \
  -c "CREATE DATABASE ${db}_ascii TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'" 2>/dev/null
ascii=$(psql -d ${db}_ascii -v VERBOSITY=sqlstate -c "CREATE EXTENSION customer_clean" 2>&1 || true)
psql -q -d postgres -c "DROP DATABASE ${db}_ascii"
if [[ $ascii != *"ERROR:  0A000"* ]]; then echo "hostile input: CREATE EXTENSION in SQL_ASCII did not refuse: $ascii"; fail=1; fi
# The script creates C functions, so the control file says superuser =
# true: a role that may create in the database is refused up front, with
# PostgreSQL's own message, before any of the script runs.
psql -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS ${db}_nosuper" -c "DROP ROLE IF EXISTS cc_hostile_owner" \
  -c "CREATE ROLE cc_hostile_owner" -c "CREATE DATABASE ${db}_nosuper OWNER cc_hostile_owner"
nosuper=$(psql -d ${db}_nosuper -v VERBOSITY=default -c "SET ROLE cc_hostile_owner" -c "CREATE EXTENSION customer_clean" 2>&1 || true)
left=$(psql -At -d ${db}_nosuper -c "SELECT count(*) FROM pg_namespace WHERE nspname = 'customer_clean'")
psql -q -d postgres -c "DROP DATABASE ${db}_nosuper" -c "DROP ROLE cc_hostile_owner"
if [[ $nosuper != *'permission denied to create extension "customer_clean"'* || $left != 0 ]]; then
  echo "hostile input: a non-superuser CREATE EXTENSION was not refused up front: $nosuper (schemas left: $left)"; fail=1
fi
[[ $fail == 0 ]] && echo "hostile input: passed"
exit $fail
