#!/usr/bin/env bash
# The least-privilege walkthrough (docs/deploying.md):
# in a new database `walkthrough` of a running cluster, the superuser only
# creates the extension and the login roles (demo/roles/0_superuser.sql);
# then each role does its part with its own rights, in order: the table's
# owner sets the table up with row-level security per region and profiles
# it, the application writes, the owner trains and dedupes, a BI reader
# reports, and the stewards of two regions merge and look at the history.
# Errors shown are the refusals the walkthrough demonstrates.
# Usage: scripts/demo_roles.sh <socket dir> <port>   (make demo runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:?usage: $0 <socket dir> <port>} port=${2:?usage: $0 <socket dir> <port>}
q() { psql -X -h "$host" -p "$port" "$@"; }
q -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
  -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS walkthrough" \
  -c "DROP ROLE IF EXISTS crm_owner, crm_app, crm_bi, steward_north, steward_south" -c "CREATE DATABASE walkthrough"
q -U postgres -d walkthrough -q -v ON_ERROR_STOP=1 -f demo/roles/0_superuser.sql
for step in 1_owner:crm_owner 2_app:crm_app 3_owner:crm_owner 4_bi:crm_bi \
            5_steward_north:steward_north 6_steward_south:steward_south 7_owner:crm_owner; do
  echo "=== as ${step##*:}"
  q -U "${step##*:}" -d walkthrough -f "demo/roles/${step%%:*}.sql" 2>&1
done
