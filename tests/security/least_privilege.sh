#!/usr/bin/env bash
# Least-privilege scenario (issue 16, docs/deploying.md): the extension used as a
# production database uses it, by roles that are no superusers.
#
# A superuser only creates the database, one LOGIN role per part, the
# extension, and lets crm_owner create schemas. Everything else is done by
#   crm_owner  owner of schema crm and of crm.customers / crm.orders
#              (row-level security on, not forced): profile, rules,
#              cleaning, training, dedupe, merge_clusters, archive, forget,
#              purge;
#   app        SELECT, INSERT, UPDATE; writes through the cleaning trigger
#              and match_on_insert; a policy shows it every tenant
#              (PostgreSQL refuses COPY FROM under row-level security, so
#              the owner shows COPY through the trigger);
#   bi         SELECT only; a policy shows it every tenant;
#   steward_a  SELECT, INSERT, UPDATE, DELETE, tenant a's rows only (RLS);
#   steward_b  the same for tenant b;
#   nobody     USAGE on schema crm, no privilege on the table.
# None of them gets any grant on customer_clean. Each role calls every
# function it would call in production: exact success where its privileges
# on the table allow it, 42501 naming the table and the missing privilege
# (or "must be owner") where they do not, and tenant a never sees or
# changes tenant b's data through any function, view, catalog table or
# notification. The superuser also READS (tests/security/least_privilege/
# truth.sql), to pick rows and to say what each role should see.
#
# One psql session per step; the SQL is in tests/security/least_privilege/
# (lib.sql: the assertion helpers). Every check prints `ok <name>` or
# `FAIL <name> | expected: … | got: …`; sessions hand values on as
# `fact <key>=<value>` lines, passed to later sessions as psql variables.
# Logs: <work dir>/log (one .out per session, facts.txt).
#
# Usage: tests/security/least_privilege.sh <work dir> <port>   (own scratch cluster)
set -uo pipefail
cd "$(dirname "$0")/../.."
dir=${1:?usage: $0 <work dir> <port>} port=${2:?usage: $0 <work dir> <port>}
db=least_privilege
sql=tests/security/least_privilege

if [[ ! -f /usr/share/postgresql/${PG_MAJOR:-15}/extension/customer_clean.control ]]; then
  echo "least privilege: customer_clean is not installed (cargo pgrx install first)" >&2
  exit 2
fi
scripts/cluster.sh stop "$dir" 2>/dev/null || true
rm -rf "$dir"
scripts/cluster.sh start "$dir" "$port" || exit 2
trap 'scripts/cluster.sh stop "$dir"' EXIT
log=$dir/log && mkdir -p "$log"
facts=$log/facts.txt && : > "$facts"
passed=0 failed=0 n=0

# run <role> <file> <step> [tenant=a|b] [name=value ...]: one psql session
# as <role> running the section <step> of <file>, with every fact so far.
# For a tenant, facts <name>_<tenant> are also passed as <name>_mine and
# those of the other tenant as <name>_other.
run() {
  local role=$1 file=$2 step=$3; shift 3
  local tenant="" kv key
  local args=(-X -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$port" -U "$role" -d "${DB:-$db}"
              -v role="$role" -v db="$db" -v "$step=")
  for kv in "$@"; do
    [[ $kv == tenant=* ]] && tenant=${kv#tenant=}
    args+=(-v "$kv")
  done
  local other=""
  [[ $tenant == a ]] && other=b
  [[ $tenant == b ]] && other=a
  while IFS= read -r kv; do
    args+=(-v "$kv")
    key=${kv%%=*}
    if [[ -n $tenant && $key == *_"$tenant" ]]; then args+=(-v "${key%_"$tenant"}_mine=${kv#*=}"); fi
    if [[ -n $other && $key == *_"$other" ]]; then args+=(-v "${key%_"$other"}_other=${kv#*=}"); fi
  done < "$facts"
  n=$((n + 1))
  local out
  out=$log/$(printf '%02d' "$n")_${role}_$(basename "$file" .sql)_$step.out
  PGOPTIONS='-c client_min_messages=warning' psql "${args[@]}" -f "$sql/$file" > "$out" 2>&1
  local rc=$?
  { grep '^fact ' "$out" || true; } | sed 's/^fact //' >> "$facts"
  local ok bad
  ok=$(grep -c '^ok ' "$out")
  bad=$(grep -c '^FAIL ' "$out")
  passed=$((passed + ok)) failed=$((failed + bad))
  printf '%-10s %-14s %-22s %4d ok %4d failed\n' "$role" "$(basename "$file" .sql)" "$step" "$ok" "$bad"
  grep '^FAIL ' "$out" | sed 's/^/    /'
  if (( rc != 0 )); then
    failed=$((failed + 1))
    echo "    FAIL $role $file $step: the session stopped at an error (psql exit $rc); the end of $out:"
    tail -n 4 "$out" | sed 's/^/      /'
  fi
}

# check <name> <expected> <got>: a check made by this script
check() {
  if [[ $2 == "$3" ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "    FAIL $1 | expected: $2 | got: $3"
  fi
}

fact() { grep "^$1=" "$facts" | tail -n 1 | cut -d= -f2-; }

echo "== least privilege: roles and sessions (cluster $dir, port $port)"
DB=postgres run postgres superuser.sql setup
run crm_owner owner.sql setup
run app       app.sql writes
run postgres  truth.sql round1
run crm_owner owner.sql reads
run bi        reader.sql reads missing=UPDATE restore_missing=INSERT bi_writes=
run app       reader.sql reads missing=DELETE restore_missing=DELETE
run nobody    nobody.sql reads
run steward_b steward.sql reads tenant=b

# steward_a takes a quality snapshot while bi LISTENs: every payload names
# the table and the breach, never a value.
listen_in=$log/bi_listen.fifo listen_out=$log/bi_listen.out
rm -f "$listen_in" && mkfifo "$listen_in"
psql -X -q -h "$dir/sock" -p "$port" -U bi -d "$db" < "$listen_in" > "$listen_out" 2>&1 &
listener=$!
exec 7> "$listen_in"
echo "LISTEN customer_clean_quality; SELECT 'listening';" >&7
for _ in $(seq 100); do grep -q listening "$listen_out" && break; sleep 0.1; done
run steward_a steward.sql reads tenant=a
echo "SELECT pg_sleep(0.5); SELECT 'done';" >&7
exec 7>&-
wait "$listener"
payloads=$(sed -n 's/^Asynchronous notification "customer_clean_quality" with payload "\(.*\)" received from server process with PID [0-9]*\.$/\1/p' "$listen_out")
breaches=$(fact breaches_a) snapshot=$(fact snapshot_a)
npayloads=$(grep -c . <<< "$payloads")
check "bi: LISTEN customer_clean_quality received one notification per breach of steward_a's snapshot (at least one)" \
  "$breaches, true" "$npayloads, $([[ $npayloads -gt 0 ]] && echo true || echo false)"
check "bi: every payload has only the keys table, snapshot_id, dimension, column" "" \
  "$(jq -c 'keys - ["table", "snapshot_id", "dimension", "column"] | select(length > 0)' <<< "$payloads" 2>&1)"
check "bi: every payload names crm.customers and steward_a's snapshot" "" \
  "$(jq -c --arg s "$snapshot" 'select(.table != "crm.customers" or (.snapshot_id | tostring) != $s)' <<< "$payloads" 2>&1)"
printf '%-10s %-14s %-22s (LISTEN, %d notifications)\n' bi listen snapshot_quality "$npayloads"

run steward_a steward_a.sql actions
run postgres  truth.sql round2
run crm_owner owner.sql round2
run bi        reader.sql round2 missing=UPDATE restore_missing=INSERT
run app       reader.sql round2 missing=DELETE restore_missing=DELETE
run nobody    nobody.sql round2
run steward_a steward.sql round2 tenant=a
run steward_b steward.sql round2 tenant=b
run steward_b steward_b.sql actions

# quarantine: app writes two bad rows while the owner has on_invalid quarantine
run crm_owner owner.sql quarantine_on
run app       app.sql quarantine
run crm_owner owner.sql quarantine_off
run postgres  truth.sql quarantine
run bi        reader.sql release missing=UPDATE restore_missing=INSERT
run app       reader.sql release missing=DELETE restore_missing=DELETE
run nobody    nobody.sql release
run steward_a steward_a.sql release
run steward_b steward_b.sql release

# archive (the owner) and restore (each steward its tenant's rows)
run crm_owner owner.sql archive
run steward_a steward_a.sql restore
run steward_b steward_b.sql restore
run crm_owner owner.sql restored

# the owner merges the clusters, forgets a customer, purges the journal
run postgres  truth.sql before_merge_clusters
run crm_owner owner.sql merge_clusters
run postgres  truth.sql forget_before
run crm_owner owner.sql forget
run postgres  truth.sql forget_after
run bi        reader.sql after_forget missing=UPDATE restore_missing=INSERT
run nobody    nobody.sql after_forget
run steward_a steward.sql after_forget tenant=a
run steward_b steward.sql after_forget tenant=b
run crm_owner owner.sql purge
run postgres  truth.sql purge_after
run crm_owner owner.sql finish
run postgres  truth.sql grants

echo
if (( failed > 0 )); then
  echo "least privilege: $passed checks passed, $failed FAILED (logs in $log)"
  exit 1
fi
echo "least privilege: $passed checks passed"
