#!/usr/bin/env bash
# Trojan suite (issue 15): can a role that may create objects in a schema on
# a victim's search path make customer_clean run its code?
#   1. tests/security/builtins.py lists every function and operator the
#      extension's SQL calls (sql/*.sql and the SQL in src/*.rs string
#      literals); the names that exist in pg_catalog are the targets.
#   2. mallory (CREATE on public, owner of schema mallory_path) plants a
#      trojan for every signature of each of them in both schemas
#      (tests/security/plant.sql).
#   3. tests/security/calls.sql calls every function and procedure of the
#      extension as the superuser, a steward, and an application role
#      writing through the triggers: once with search_path
#      `mallory_path, public` (pg_catalog implicitly first) on crm_a, once
#      with `mallory_path, public, pg_catalog` on crm_b.
# Passes when no trojan ran (mallory_path.trojan_hits never advanced, no
# TROJAN warning), mallory is no superuser, every call succeeded, and every
# function of the extension was called.
# Usage: tests/security/trojan.sh <work dir> <port>   (own scratch cluster)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:?usage: $0 <work dir> <port>} port=${2:?usage: $0 <work dir> <port>}
db=trojan
MIN_FUNCS=25 MIN_OPS=8   # fewer means the extractor broke, not that the code got safer

if [[ ! -f /usr/share/postgresql/${PG_MAJOR:-15}/extension/customer_clean.control ]]; then
  echo "trojan suite: customer_clean is not installed (cargo pgrx install first)" >&2
  exit 2
fi
scripts/cluster.sh stop "$dir" 2>/dev/null || true
rm -rf "$dir"
scripts/cluster.sh start "$dir" "$port"
trap 'scripts/cluster.sh stop "$dir"' EXIT
log=$dir/log && mkdir -p "$log"

# Every psql of the suite but the scenario pins its path: it must not
# trip over the trojans itself.
q() { PGOPTIONS='-c search_path=pg_catalog,pg_temp' command psql -X -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$port" "$@"; }
q -U postgres -d postgres -c "CREATE DATABASE $db"
unpin=false
[[ ${TROJAN_UNPIN:-0} == 1 ]] && unpin=true && echo "TROJAN_UNPIN=1: search_path RESET on every customer_clean function (a demonstration of the unfixed state)"
q -U postgres -d $db -v unpin=$unpin -f tests/security/setup.sql

# 1. What the extension calls.
python3 tests/security/builtins.py . > "$log/extracted.txt" 2> "$log/extracted.err"
cat "$log/extracted.err"
awk '$1 == "func" {print $2}' "$log/extracted.txt" > "$log/funcs.txt"
awk '$1 == "op" {print $2}' "$log/extracted.txt" > "$log/ops.txt"
funcs=$(q -U postgres -d $db -At -v list="$(tr '\n' ' ' < "$log/funcs.txt")" <<'SQL'
SELECT string_agg(DISTINCT proname, ' ' ORDER BY proname) FROM pg_proc
 WHERE pronamespace = 'pg_catalog'::regnamespace AND proname = ANY (string_to_array(:'list', ' '));
SQL
)
ops=$(q -U postgres -d $db -At -v list="$(tr '\n' ' ' < "$log/ops.txt")" <<'SQL'
SELECT string_agg(DISTINCT oprname, ' ' ORDER BY oprname) FROM pg_operator
 WHERE oprnamespace = 'pg_catalog'::regnamespace AND oprname = ANY (string_to_array(:'list', ' '));
SQL
)
nfuncs=$(wc -w <<< "$funcs") nops=$(wc -w <<< "$ops")
echo "built-ins the extension calls: $nfuncs functions: $funcs"
echo "                               $nops operators: $ops"
if (( nfuncs < MIN_FUNCS || nops < MIN_OPS )); then
  echo "trojan suite: FAILED: the extractor found only $nfuncs built-in functions (< $MIN_FUNCS) and $nops operators (< $MIN_OPS); it is broken"
  exit 1
fi

# 2. mallory plants.
PGOPTIONS='-c search_path=pg_catalog,pg_temp' psql -X -q -h "$dir/sock" -p "$port" -U mallory -d $db \
  -v funcs="$funcs" -v ops="$ops" -f tests/security/plant.sql > "$log/plant.out"
cat "$log/plant.out"
planted=$(q -U postgres -d $db -At -c "SELECT count(*) FROM mallory_path.planted WHERE ok")
skipped=$(q -U postgres -d $db -At -c "SELECT count(*) FROM mallory_path.planted WHERE NOT ok")
q -U postgres -d $db -At -F ': ' -c "SELECT signature, error FROM mallory_path.planted WHERE NOT ok ORDER BY 1" > "$log/not_planted.txt"
if (( planted < 100 )); then
  echo "trojan suite: FAILED: only $planted trojans planted"; exit 1
fi
# calls so far: CREATE EXTENSION's own (install-time functions)
sleep 1
q -U postgres -d $db -At -F '|' -c "SELECT funcid::regprocedure, calls FROM pg_stat_user_functions WHERE schemaname = 'customer_clean' AND calls > 0" \
  > "$log/called_at_install.txt"

# 3. The victims.
started=$(date +%s)
run() {  # <tag> <schema> <search path>
  PGOPTIONS= command psql -X -b -h "$dir/sock" -p "$port" -U postgres -d $db -v s="$2" -v path="$3" \
    -f tests/security/calls.sql > "$log/calls_$1.log" 2>&1 || true
}
run a crm_a 'mallory_path, public'
run b crm_b 'mallory_path, public, pg_catalog'
sleep 1   # ended backends flush their function statistics

# 4. Verdict.
fail=0
hits=$(q -U postgres -d $db -At -c "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM mallory_path.trojan_hits")
super=$(q -U postgres -d $db -At -c "SELECT rolsuper FROM pg_roles WHERE rolname = 'mallory'")
echo
echo "== trojans that ran ([a] path mallory_path, public; [b] mallory_path, public, pg_catalog): trojan, role, reached from"
for tag in a b; do
  # each TROJAN warning: the step of calls.sql (caller), the trojan and its
  # role, and the first customer_clean function (or SQL statement) in its
  # CONTEXT
  awk -v tag="$tag" '
    FNR == NR { stmt[FNR] = substr($0, 1, 60); next }   # calls.sql, by line
    function flush() { if (t != "") print "  [" tag "] " t "   <- " (where != "" ? where : "calls.sql:" ln ": " stmt[ln]); t = ""; where = "" }
    /WARNING:  TROJAN .* made mallory a superuser/ { next }
    /WARNING:  TROJAN .* ran as / {
      flush(); t = $0; sub(/.*WARNING:  TROJAN /, "", t)
      ln = $0; sub(/^psql:[^:]*:/, "", ln); sub(/:.*/, "", ln); n = 0; next }
    t != "" && n < 12 {
      n++
      if (where == "" && match($0, /customer_clean\.[a-z_]+\([^)]*\)/)) where = substr($0, RSTART, RLENGTH)
      if (/^psql:/) flush()
    }
    END { flush() }' tests/security/calls.sql "$log/calls_$tag.log"
done | sort -u | tee "$log/fired.txt"
fired=$(grep -c . "$log/fired.txt" || true)
grep -h 'made mallory a superuser' "$log"/calls_*.log | sed 's/.*WARNING:  /  /' | sort -u || true
echo
echo "== calls that failed:"
{ grep -h -A1 'ERROR:' "$log"/calls_*.log || true; } | { grep -v '^--$' || true; } | sed 's/^/  /' | head -80 | tee "$log/errors.txt"
errors=$(cat "$log"/calls_*.log | grep -c 'ERROR:' || true)

# Every function of the extension called? Counted by track_functions; a
# SQL function the planner inlined leaves no count, so for those a call in
# calls.sql counts.
q -U postgres -d $db -At -F '|' > "$log/coverage.txt" <<'SQL'
SELECT p.oid::regprocedure, l.lanname, coalesce(s.calls, 0)
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
  LEFT JOIN pg_stat_user_functions s ON s.funcid = p.oid
 WHERE n.nspname = 'customer_clean' ORDER BY 1::text;
SQL
# An aggregate (language internal) is never counted either: its state
# functions are called by the executor directly, so a call in calls.sql
# counts. move_referencing_rows runs only inside merge on a Citus cluster
# (merge moves rows between shards), queue_for_matching only as the
# trigger of a Citus table's shards: tests/citus/run.sh exercises both.
citus_only="customer_clean.move_referencing_rows(regclass,regclass,text[],text[],text[],text[],jsonb,jsonb,jsonb) customer_clean.queue_for_matching()"
total=0 called=0 uncalled=() install_only=() on_citus=()
while IFS='|' read -r fn lang calls; do
  total=$((total + 1))
  name=${fn#customer_clean.}; name=${name%%(*}
  if (( calls > 0 )) && grep -qxF "$fn|$calls" "$log/called_at_install.txt"; then
    install_only+=("$fn")   # called by CREATE EXTENSION only, before mallory could plant
  elif [[ " $citus_only " == *" $fn "* ]]; then
    on_citus+=("$fn")
  elif (( calls > 0 )) || { [[ $lang == sql || $lang == internal ]] && grep -q "customer_clean\.$name(" tests/security/calls.sql; }; then
    called=$((called + 1))
  else
    uncalled+=("$fn")
  fi
done < "$log/coverage.txt"

echo
echo "== summary ($(( $(date +%s) - started )) s of calls; logs in $log)"
echo "built-ins extracted:        $nfuncs functions, $nops operators"
echo "trojans planted:            $planted ($skipped signatures PostgreSQL refused or that PL/pgSQL cannot take; $log/not_planted.txt)"
echo "extension functions called: $called / $((total - ${#install_only[@]} - ${#on_citus[@]}))${install_only[*]:+ (install-time only, not counted: ${install_only[*]})}${on_citus[*]:+ (Citus only, not counted: ${on_citus[*]})}"
echo "trojan hits:                $hits ($fired distinct trojan/role pairs)"
echo "mallory superuser:          $super"
echo "calls that failed:          $errors"
if (( hits > 0 || fired > 0 )); then echo "FAIL: trojans ran"; fail=1; fi
if [[ $super != f ]]; then echo "FAIL: mallory became a superuser"; fail=1; fi
if (( errors > 0 )); then echo "FAIL: $errors calls failed"; fail=1; fi
if (( ${#uncalled[@]} > 0 )); then
  echo "FAIL: never called by tests/security/calls.sql: ${uncalled[*]}"; fail=1
fi
(( fail == 0 )) && echo "trojan suite: passed"
exit $fail
