#!/usr/bin/env bash
# The fuzz campaign (issue 7): every target of fuzz/ for SECONDS each
# (default 120), starting from the committed seeds in fuzz/corpus/<target>;
# what libFuzzer finds new is kept in $FUZZ_WORK (not in the repo). Prints
# and writes fuzz/RESULTS.md: executions per target and whether it failed.
# Needs the nightly toolchain and cargo-fuzz (installed here if missing).
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-120}; shift || true
work=${FUZZ_WORK:-/tmp/customer_clean_fuzz}
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || mapfile -t targets < <(cargo +nightly fuzz list)
cargo +nightly fuzz build >/dev/null 2>&1
results="| target | seconds | executions | result |\n|---|---|---|---|\n"
failed=0
for t in "${targets[@]}"; do
  mkdir -p "$work/$t"
  log="$work/$t.log"
  if cargo +nightly fuzz run "$t" "$work/$t" "fuzz/corpus/$t" -- -max_total_time="$secs" -print_final_stats=1 \
       -max_len=4096 >"$log" 2>&1; then
    result="no finding"
  else
    result="FAILED (see $log; the input is in fuzz/artifacts/$t)"; failed=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  echo "$t: ${runs:-?} executions in ${secs} s: $result"
  results+="| $t | $secs | ${runs:-?} | $result |\n"
done
printf "# Fuzz campaign results\n\n\`scripts/fuzz.sh %s\` on %s (libFuzzer via cargo-fuzz, nightly; seeds in fuzz/corpus).\n\n$results" \
  "$secs" "$(date -u +%Y-%m-%d)" > fuzz/RESULTS.md
exit $failed
