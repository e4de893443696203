#!/usr/bin/env bash
# `make fuzz`: runs the cargo-fuzz targets in fuzz/ for a bounded time each (never part of
# `make test`). Installs cargo-fuzz (pinned) if missing, needs the nightly toolchain, seeds each
# corpus from tests/fixtures and the hostile corpus, then prints per target the executions run,
# the corpus size and whether anything crashed. Exits 1 if a target crashed.
#
#   FUZZ_SECONDS=60      seconds per target
#   FUZZ_TARGETS="parse_validate layout_hit json_oracle"
#   FUZZ_MAX_LEN=16384   libFuzzer -max_len for parse_validate (layout_hit: 8192)
#   FUZZ_SANITIZER=address   cargo fuzz --sanitizer (`none`: faster, but no AddressSanitizer)
#
# One fuzzing process at a time (cargo fuzz --jobs 1): the machine has two cores.
# A crash leaves fuzz/artifacts/<target>/crash-*; for layout_hit the decoded case is also
# written next to it as crash-*.json (the format of tests/fixtures/fuzz/layout_hit-*.json).
# Minimise with `cargo +nightly fuzz tmin -a <target> <artifact>`, then keep the input under
# tests/fixtures/fuzz/ (see tests/fuzz_regressions.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '==> %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# 0.13.2: the newest cargo-fuzz on crates.io; builds on stable and drives the nightly libFuzzer
# build of libfuzzer-sys 0.4.
CARGO_FUZZ_VERSION=0.13.2
SECONDS_PER_TARGET="${FUZZ_SECONDS:-60}"
TARGETS="${FUZZ_TARGETS:-parse_validate layout_hit json_oracle}"
MAX_LEN="${FUZZ_MAX_LEN:-16384}"
SANITIZER="${FUZZ_SANITIZER:-address}"

if ! rustup toolchain list | grep -q '^nightly'; then
  say "Installing the nightly toolchain (rustup): libFuzzer needs -Z sanitizer flags"
  rustup toolchain install nightly --profile minimal
fi
if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  say "Installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "=$CARGO_FUZZ_VERSION" --locked
fi

# ------------------------------------------------------------------ seeds
say "Seeding fuzz/corpus/ from tests/fixtures and tests/hostile/cases.json"
mkdir -p fuzz/corpus/parse_validate fuzz/corpus/layout_hit fuzz/corpus/json_oracle
if command -v node >/dev/null; then
  # parse_validate inputs start with a selector byte (fuzz/src/checks.rs `Selector`): bits 0-2 the
  # kind attribute, bits 3-4 the page language, bit 5 a data-src body (decoded by the browser).
  node - <<'EOF'
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const KINDS = ['', 'members', 'cells', 'members-per-cell', 'targets', 'indicators', 'overview', 'pie'];
const LANGS = ['', 'vi', 'en-GB', 'fr'];
const selector = (kind, lang, dataSrc) =>
  Math.max(0, KINDS.indexOf(kind)) | (Math.max(0, LANGS.indexOf(lang)) << 3) | (dataSrc ? 0x20 : 0);
const put = (dir, name, bytes) => {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  const hash = crypto.createHash('sha1').update(bytes).digest('hex').slice(0, 8);
  fs.writeFileSync(path.join('fuzz/corpus', dir, `seed-${safe}-${hash}`), bytes);
};
const files = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.json')) files.push(p);
  }
};
for (const f of fs.readdirSync('tests/fixtures')) if (f.endsWith('.json')) files.push(path.join('tests/fixtures', f));
walk('tests/fixtures/schema');
let fixtures = 0, hostile = 0, skipped = 0;
for (const f of files) {
  const bytes = fs.readFileSync(f);
  const name = path.relative('tests/fixtures', f);
  put('parse_validate', name, Buffer.concat([Buffer.from([selector('', '', false)]), bytes]));
  put('parse_validate', name + '-members-vi', Buffer.concat([Buffer.from([selector('members', 'vi', false)]), bytes]));
  put('layout_hit', name, bytes);
  put('json_oracle', name, bytes);
  fixtures++;
}
const manifest = JSON.parse(fs.readFileSync('tests/hostile/cases.json', 'utf8'));
for (const c of manifest.cases) {
  let bytes, dataSrc = false;
  if (typeof c.json === 'string') bytes = Buffer.from(c.json, 'utf8');
  else if (typeof c.body === 'string') { bytes = Buffer.from(c.body, 'base64'); dataSrc = true; }
  else { skipped++; continue; } // `generate` recipes: up to 5 MB, past -max_len
  if (bytes.length > 65536) { skipped++; continue; }
  put('parse_validate', 'hostile-' + c.name, Buffer.concat([Buffer.from([selector(c.kind, 'vi', dataSrc)]), bytes]));
  put('json_oracle', 'hostile-' + c.name, bytes);
  hostile++;
}
console.log(`    ${fixtures} fixtures (x2 selectors) and ${hostile} hostile cases; ${skipped} generated/huge cases left out`);
EOF
else
  say "node not found: seeding from tests/fixtures only (the hostile corpus needs node to read)"
  while IFS= read -r -d '' f; do
    name=$(echo "${f#tests/fixtures/}" | tr '/' '_')
    { printf '\000'; cat "$f"; } > "fuzz/corpus/parse_validate/seed-$name"
    cp "$f" "fuzz/corpus/layout_hit/seed-$name"
    cp "$f" "fuzz/corpus/json_oracle/seed-$name"
  done < <(find tests/fixtures -name '*.json' -print0)
fi

# ------------------------------------------------------------------ runs
declare -A RUNS TIME CORPUS STATUS
crashed=0
started=$(date +%s)
for target in $TARGETS; do
  len=$MAX_LEN
  [ "$target" = layout_hit ] && len=8192
  mkdir -p "fuzz/artifacts/$target"
  log="fuzz/artifacts/$target.log"
  before=$(find "fuzz/artifacts/$target" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) ! -name '*.json' | sort)
  say "Fuzzing $target for ${SECONDS_PER_TARGET}s (log: $log)"
  t0=$(date +%s)
  set +e
  (cd fuzz && cargo +nightly fuzz run --jobs 1 -a --sanitizer "$SANITIZER" "$target" -- \
      -max_total_time="$SECONDS_PER_TARGET" -max_len="$len" -timeout=20 -rss_limit_mb=4096 \
      -print_final_stats=1) >"$log" 2>&1
  rc=$?
  set -e
  TIME[$target]=$(( $(date +%s) - t0 ))
  # libFuzzer's last words: "Done N runs in S second(s)", or on a crash the last "#N ..." line.
  runs=$(grep -aoE '^Done [0-9]+ runs' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  [ -n "$runs" ] || runs=$(grep -aoE '^stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)
  [ -n "$runs" ] || runs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  RUNS[$target]=${runs:-?}
  CORPUS[$target]="$(find "fuzz/corpus/$target" -type f | wc -l) files, $(du -sh "fuzz/corpus/$target" | cut -f1)"
  after=$(find "fuzz/artifacts/$target" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) ! -name '*.json' | sort)
  new=$(comm -13 <(echo "$before") <(echo "$after") | sed '/^$/d' || true)
  if [ "$rc" -ne 0 ] || [ -n "$new" ]; then
    crashed=1
    STATUS[$target]="CRASH (exit $rc)"
    grep -aE "panicked at|^==[0-9]+==ERROR|ALARM: working on the last Unit for|out-of-memory" "$log" | head -5 | sed 's/^/    /' || true
    for a in $new; do
      echo "    artifact: $a"
      if [ "$target" = layout_hit ]; then
        (cd fuzz && LAYOUT_HIT_DUMP="$OLDPWD/$a.json" cargo +nightly fuzz run -a --sanitizer "$SANITIZER" layout_hit "$OLDPWD/$a" >/dev/null 2>&1 || true)
        [ -f "$a.json" ] && echo "    decoded case: $a.json"
      fi
    done
  else
    STATUS[$target]="no crash"
  fi
  printf '    %s: %s executions in %ss, corpus %s, %s\n' "$target" "${RUNS[$target]}" "${TIME[$target]}" "${CORPUS[$target]}" "${STATUS[$target]}"
done

say "Summary ($(( $(date +%s) - started ))s in all, ${SECONDS_PER_TARGET}s of fuzzing per target)"
for target in $TARGETS; do
  printf '    %-16s %12s executions  %5ss  corpus %-22s %s\n' "$target" "${RUNS[$target]}" "${TIME[$target]}" "${CORPUS[$target]}" "${STATUS[$target]}"
done
exit "$crashed"
