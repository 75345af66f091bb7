#!/usr/bin/env bash
# Installs everything customer_clean needs to build, test and run its demo on
# a fresh Debian 12 machine, as root. Idempotent: every step is skipped when
# its result is already there, so running it again costs a few seconds.
set -euo pipefail

PG_MAJOR=${PG_MAJOR:-15}
PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
PGRX_VERSION=0.18.0

apt_packages=(
  "postgresql-$PG_MAJOR" "postgresql-server-dev-$PG_MAJOR" # server, headers, pg_regress
  libclang-dev clang                                       # bindgen, used by pgrx
  sudo                                                     # cargo pgrx test --runas postgres
  pkg-config
  "postgresql-$PG_MAJOR-cron"                              # tests/quality_schedule.sh: snapshots from pg_cron
  jq                                                       # tests/security/least_privilege.sh: NOTIFY payloads
)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! cargo pgrx --version 2>/dev/null | grep -q "$PGRX_VERSION"; then
  echo "setup: installing cargo-pgrx $PGRX_VERSION (about 5 minutes)"
  cargo install cargo-pgrx --version "$PGRX_VERSION" --locked
fi

# Points pgrx at Debian's PostgreSQL. Never run `cargo pgrx init` without
# --pgNN: it would try to download PostgreSQL sources.
if ! grep -qs "pg$PG_MAJOR = \"$PG_CONFIG\"" "${PGRX_HOME:-$HOME/.pgrx}/config.toml"; then
  cargo pgrx init "--pg$PG_MAJOR" "$PG_CONFIG"
fi
