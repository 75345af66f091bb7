#!/usr/bin/env bash
# Keeps docs/functions.md honest:
#  1. every function of the installed extension has a "### name(" heading;
#  2. every example query in the docs (a line starting with SELECT or CALL inside a
#     ```sql block) is run verbatim by a SQL scenario test in tests/regress/sql;
#  3. the result shown under it ("-- → value") appears in that test's
#     expected output;
#  4. every routine, table and view has a description (COMMENT ON), and
#     sql/comments.sql is up to date with the Rust doc comments.
# Needs PGHOST/PGPORT/PGUSER of a cluster where the extension can be created.
set -euo pipefail
cd "$(dirname "$0")/.."
doc=docs/functions.md
fail=0

psql -X -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS cc_docs_check" -c "CREATE DATABASE cc_docs_check"
functions=$(psql -X -q -At -d cc_docs_check -c "CREATE EXTENSION customer_clean" \
  -c "SELECT DISTINCT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'customer_clean' ORDER BY 1")
# 4. every routine, table and view describes itself (\df+, \dt+, \dv+)
undescribed=$(psql -X -q -At -d cc_docs_check -c "
  SELECT p.oid::regprocedure::text FROM pg_proc p
   WHERE p.pronamespace = 'customer_clean'::regnamespace AND obj_description(p.oid, 'pg_proc') IS NULL
  UNION ALL
  SELECT c.oid::regclass::text FROM pg_class c
   WHERE c.relnamespace = 'customer_clean'::regnamespace AND c.relkind IN ('r', 'p', 'v') AND obj_description(c.oid, 'pg_class') IS NULL
  ORDER BY 1")
psql -X -q -d postgres -c "DROP DATABASE cc_docs_check"
for object in $undescribed; do
  echo "docs: $object has no description (COMMENT ON; for Rust functions a doc comment, then scripts/gen_comments.py)"; fail=1
done
if ! diff -q <(python3 scripts/gen_comments.py --stdout) sql/comments.sql >/dev/null; then
  echo "docs: sql/comments.sql is not what scripts/gen_comments.py makes of the doc comments now; run it"; fail=1
fi
for f in $functions; do
  if ! grep -q "^### $f(" "$doc"; then
    echo "docs: function $f has no '### $f(' section in $doc"; fail=1
  fi
done

in_sql=0 last=""
while IFS= read -r line; do
  case "$line" in
    '```sql') in_sql=1; continue ;;
    '```') in_sql=0; continue ;;
  esac
  [ $in_sql = 1 ] || continue
  if [[ "$line" == SELECT* || "$line" == CALL* ]]; then
    last=$line
    if ! grep -qxF -- "$line" tests/regress/sql/*.sql; then
      echo "docs: example not run by any scenario test: $line"; fail=1
    fi
  elif [[ "$line" == "-- → "* ]]; then
    want=${line#"-- → "}
    if ! grep -qF -- "$want" tests/regress/expected/*.out; then
      echo "docs: result '$want' of '$last' not in any expected output"; fail=1
    fi
  fi
done < "$doc"

[ $fail = 0 ] && echo "docs check passed: $(echo "$functions" | wc -w) functions documented, examples run by tests"
exit $fail
