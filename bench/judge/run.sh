#!/usr/bin/env bash
# envclone judged from outside, on three databases, by the independent judge in ../shared/judge/
# (fidelity.sh, leaks.sh, pg.sh; read its README). On a throwaway PostgreSQL 15 cluster that
# pg.sh starts, it loads
#   pagila_pii  Pagila (shared/fixtures/pagila) + the PII overlay of issue 14
#               (testing/src/main/resources/io/envclone/testing/fixtures/pagila-pii-overlay.sql)
#   northwind   Northwind (shared/fixtures/northwind/northwind.sql)
#   lofts       the demo database: ./envclone generate-demo --scale ${SCALE:-1}
# and for each runs, as a new user would, with discovery alone (no rules file, strict policy):
#   ./envclone clone --source .../<db> --target .../<db>_test --allow-same-server --yes --output json
# records its exit code and wall time, then judges the target:
#   fidelity.sh SRC DST                       schema, catalog, sequences, row counts
#   leaks.sh SRC DST bench/judge/pii-<db>.txt personal data left in the copy, integrity
# and prints one table: fixture, envclone exit, seconds, phase, fidelity differences, leaks,
# failed checks (PII columns under 100% changed / integrity / PII columns missing).
#
# Usage: bench/judge/run.sh
#   ONLY=pagila_pii      only these fixtures (names separated by spaces or commas)
#   SCALE=1              scale of the demo database (1 is about a million rows)
#   PLAIN=1              judge a plain copy (CREATE DATABASE ... TEMPLATE) instead of envclone clone:
#                        the judge's worst case, to check the PII lists; needs no envclone except to
#                        generate lofts
#   ENVCLONE=path        the command (default ./envclone of this checkout; it builds what is stale)
#   CLONE_TIMEOUT=s      ends a clone still running after s seconds (default 1800)
#   KEEP=1               keeps the work directory (every output); KEEP_PG=1 also the cluster's data
#   TARGET_EXISTS=1      creates each target database empty first and clones into it without --yes
#                        (an existing database adopted as the environment)
#   ONE_DATABASE=1       clones as a role without CREATEDB (envclone_writer) into a database made empty for it,
#                        as on a managed server: the environment's copies are schemas inside that database;
#                        fidelity.sh leaves out the schema envclone keeps its records in (envclone_environment)
#   LEAKS=0              skips leaks.sh (its leaks column says "not judged"): to repeat a clone with new
#                        keys quickly, where leaks.sh on a million rows takes longer than the clone
# Exit 0 when every fixture run passes (clone exit 0, 0 differences, leaks 0 with every check
# holding) or when the run is skipped (no psql/pg_dump, no ../shared/judge); 1 otherwise.
# Needs bash, psql and pg_dump 15+, initdb/pg_ctl (/usr/lib/postgresql/15), root or a user that
# can run initdb; java 17+ for envclone.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/bench/judge"
shared="$(cd "$root/.." && pwd)/shared"
judge="$shared/judge"
fixtures="$shared/fixtures"
overlay="$root/testing/src/main/resources/io/envclone/testing/fixtures/pagila-pii-overlay.sql"
envclone="${ENVCLONE:-$root/envclone}"
scale="${SCALE:-1}"
clone_timeout="${CLONE_TIMEOUT:-1800}"
all_fixtures=(pagila_pii northwind lofts)

skip() { echo "bench/judge/run.sh: skipped: $*"; exit 0; }
for tool in psql pg_dump; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed (the judge reads databases with it)"
done
for script in pg.sh fidelity.sh leaks.sh; do
  [[ -x "$judge/$script" ]] || skip "no judge at $judge ($script missing): it lives in ../shared/judge beside the repository"
done

fixtures_to_run=()
ONLY="${ONLY:-}"
for f in ${ONLY//,/ }; do
  [[ " ${all_fixtures[*]} " == *" $f "* ]] || { echo "ONLY: unknown fixture $f (known: ${all_fixtures[*]})" >&2; exit 2; }
  fixtures_to_run+=("$f")
done
[[ ${#fixtures_to_run[@]} -gt 0 ]] || fixtures_to_run=("${all_fixtures[@]}")

work="$(mktemp -d /tmp/envclone-judge.XXXXXX)"
chmod 755 "$work"
# a cluster of this run only: its own state file, never the one another session may be using
export BENCH_STATE="$work/pg.env" BENCH_DIR="$work/pg" BENCH_KEEP="${KEEP_PG:-0}"
cleanup() {
  "$judge/pg.sh" stop >/dev/null 2>&1 || true
  if [[ "${KEEP:-0}" == 1 ]]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

echo "== PostgreSQL 15 (../shared/judge/pg.sh), work directory $work"
"$judge/pg.sh" start >/dev/null 2>"$work/pg-start.log" || { cat "$work/pg-start.log" >&2; echo "cannot start PostgreSQL" >&2; exit 1; }
cat "$work/pg-start.log"
server="$("$judge/pg.sh" url postgres)"      # postgresql://postgres@127.0.0.1:PORT/postgres
base="${server%/*}"
hostport="${base#*@}"
unset PGPASSWORD
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

if [[ "${ONE_DATABASE:-0}" == 1 ]]; then
  # what a DBA does for a role that may not create databases: the role, and the two control databases it owns
  export ENVCLONE_JUDGE_WRITER_PASSWORD=writer
  sql -d "$server" -c "CREATE ROLE envclone_writer LOGIN NOCREATEDB PASSWORD 'writer'" \
    -c "CREATE DATABASE envclone_cloner OWNER envclone_writer" -c "CREATE DATABASE envclone_validator OWNER envclone_writer" \
    || { echo "cannot prepare the role without CREATEDB" >&2; exit 1; }
fi

java_ok=1
if ! command -v java >/dev/null 2>&1 && [[ -z "${JAVA_HOME:-}" ]]; then java_ok=0; fi

# --- loading -------------------------------------------------------------------------------------
# load_<fixture> LOG: fills database <fixture>; returns non-zero with the reason in LOG
load_pagila_pii() {
  local dir="$fixtures/pagila"
  [[ -r "$dir/pagila-schema.sql" && -r "$dir/pagila-data.sql" ]] || { echo "no Pagila in $dir" >"$1"; return 1; }
  [[ -r "$overlay" ]] || { echo "no overlay at $overlay" >"$1"; return 1; }
  { sql -d "$base/pagila_pii" -f "$dir/pagila-schema.sql" \
      && sql -d "$base/pagila_pii" -f "$dir/pagila-data.sql" \
      && sql -d "$base/pagila_pii" -c 'REFRESH MATERIALIZED VIEW public.rental_by_category' \
      && sql -d "$base/pagila_pii" -f "$overlay"; } >"$1" 2>&1
}
load_northwind() {
  local file="$fixtures/northwind/northwind.sql"
  [[ -r "$file" ]] || { echo "no Northwind at $file" >"$1"; return 1; }
  sql -d "$base/northwind" -f "$file" >"$1" 2>&1
}
load_lofts() {
  [[ $java_ok == 1 ]] || { echo "no java: ./envclone generate-demo cannot run" >"$1"; return 1; }
  (cd "$work" && ENVCLONE_STATE_DIR="$work/state-generate" "$envclone" generate-demo \
      --database-url "jdbc:postgresql://$hostport/lofts" --user postgres --scale "$scale") >"$1" 2>&1
}

# --- one fixture ------------------------------------------------------------------------------------
declare -A row
overall=0
judge_fixture() {
  local fx=$1 out="$work/$1" target="$1_test" t0 t1 rc phase fid leaks checks pii
  mkdir -p "$out"
  pii="$here/pii-${fx/pagila_pii/pagila-overlay}.txt"
  echo
  echo "== $fx: load"
  sql -d "$server" -c "CREATE DATABASE $fx" || { row[$fx]="$fx|-|-|not loaded|-|-|-"; overall=1; return; }
  t0=$(now)
  if ! "load_$fx" "$out/load.log"; then
    echo "   not loaded: $(grep -m 3 -E 'ERROR|error|no |cannot' "$out/load.log" | tr '\n' ' ' | cut -c1-300)"
    row[$fx]="$fx|-|-|not loaded|-|-|-"; overall=1; return
  fi
  echo "   loaded in $(secs "$t0" "$(now)") s: $(psql -X -At -d "$base/$fx" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"

  if [[ "${PLAIN:-0}" == 1 ]]; then
    echo "== $fx: plain copy (CREATE DATABASE $target TEMPLATE $fx), no envclone"
    t0=$(now)
    sql -d "$server" -c "CREATE DATABASE $target TEMPLATE $fx"; rc=$?
    t1=$(now); phase="plain copy"
    [[ $rc != 0 ]] || rc="-"
  elif [[ $java_ok == 0 ]]; then
    echo "   envclone clone skipped: no java (needs a JDK 17 or newer)"
    row[$fx]="$fx|-|-|no java|-|-|-"; overall=1; return
  else
    local yes=--yes target_url="$base/$target" target_options=()
    if [[ "${ONE_DATABASE:-0}" == 1 ]]; then
      sql -d "$server" -c "CREATE DATABASE $target OWNER envclone_writer" || { row[$fx]="$fx|-|-|target not made|-|-|-"; overall=1; return; }
      yes=
      target_url="postgresql://envclone_writer@$hostport/$target"
      target_options=(--target-password-env ENVCLONE_JUDGE_WRITER_PASSWORD)
      echo "   $target made empty beforehand for envclone_writer, which may not create databases (ONE_DATABASE=1)"
    elif [[ "${TARGET_EXISTS:-0}" == 1 ]]; then
      # a database made empty beforehand, as a DBA does for pg_dump | psql: adopted, so no --yes
      sql -d "$server" -c "CREATE DATABASE $target" || { row[$fx]="$fx|-|-|target not made|-|-|-"; overall=1; return; }
      yes=
      echo "   $target made empty beforehand (TARGET_EXISTS=1): cloned into without --yes"
    fi
    echo "== $fx: envclone clone --source .../$fx --target .../$target --allow-same-server $yes --output json (no rules file)"
    t0=$(now)
    (cd "$out" && ENVCLONE_STATE_DIR="$out/state" PGPASSWORD= timeout "$clone_timeout" "$envclone" clone \
        --source "$base/$fx" --target "$target_url" "${target_options[@]}" --allow-same-server $yes --output json \
        >"$out/clone.json" 2>"$out/clone.stderr")
    rc=$?
    t1=$(now)
    [[ $rc == 124 ]] && echo "   ended after CLONE_TIMEOUT=$clone_timeout s"
    phase="$(grep -o '"phase" *: *"[A-Za-z]*"' "$out/clone.json" | head -n 1 | sed 's/.*"\([A-Za-z]*\)"$/\1/')"
    echo "   exit $rc, phase ${phase:-none}, $(secs "$t0" "$t1") s"
    if [[ $rc != 0 ]]; then
      echo "   -- last lines of its stderr:"; tail -n 15 "$out/clone.stderr" | cut -c1-300 | sed 's/^/   /'
      grep -o '"reason" *: *"[^"]*"' "$out/clone.json" | head -n 1 | cut -c1-400 | sed 's/^/   /'
    fi
  fi

  if [[ -z "$(psql -X -At -d "$server" -c "SELECT 1 FROM pg_database WHERE datname = '$target'")" ]]; then
    echo "   no database $target: nothing to judge"
    row[$fx]="$fx|$rc|$(secs "$t0" "$t1")|${phase:-none}|-|-|-"; overall=1; return
  fi

  echo "== $fx: fidelity.sh"
  local exclude='^$'
  [[ "${ONE_DATABASE:-0}" != 1 ]] || exclude='^envclone_environment$'
  FIDELITY_EXCLUDE_SCHEMAS="$exclude" "$judge/fidelity.sh" "$base/$fx" "$base/$target" >"$out/fidelity.out" 2>&1
  grep -E '^(rows|fidelity):' "$out/fidelity.out" | sed 's/^/   /'
  fid="$(sed -n 's/^fidelity: \([0-9]*\) differences.*/\1/p' "$out/fidelity.out" | tail -n 1)"

  if [[ "${LEAKS:-1}" == 0 ]]; then
    echo "== $fx: leaks.sh skipped (LEAKS=0)"
    row[$fx]="$fx|$rc|$(secs "$t0" "$t1")|${phase:-none}|${fid:-?}|not judged|-"
    if [[ ! "$rc" =~ ^(0|-)$ || "${fid:-x}" != 0 ]]; then overall=1; fi
    return
  fi
  echo "== $fx: leaks.sh with $(basename "$pii")"
  "$judge/leaks.sh" "$base/$fx" "$base/$target" "$pii" >"$out/leaks.out" 2>&1
  local leaks_rc=$?
  grep -E '^(warning|summary|leaks):' "$out/leaks.out" | sed 's/^/   /'
  leaks="$(sed -n 's/^leaks: \([0-9]*\)$/\1/p' "$out/leaks.out" | tail -n 1)"
  # summary: S secrets ..., Q quasi ..., C PII columns under X% changed, I integrity checks failed, M PII columns missing
  checks="$(sed -n 's/^summary: .*, \([0-9]*\) PII columns under .* changed, \([0-9]*\) integrity checks failed, \([0-9]*\) PII columns missing.*/\1\/\2\/\3/p' "$out/leaks.out")"

  row[$fx]="$fx|$rc|$(secs "$t0" "$t1")|${phase:-none}|${fid:-?}|${leaks:-?}|${checks:-?}"
  if [[ ! "$rc" =~ ^(0|-)$ || "${fid:-x}" != 0 || $leaks_rc != 0 ]]; then overall=1; fi
}

for fx in "${fixtures_to_run[@]}"; do judge_fixture "$fx"; done

{
  echo
  echo "== summary ($(date -u +%Y-%m-%dT%H:%MZ), $(git -C "$root" rev-parse --short HEAD 2>/dev/null), SCALE=$scale$([[ "${PLAIN:-0}" == 1 ]] && echo ', PLAIN=1: plain copies, not envclone')$([[ "${ONE_DATABASE:-0}" == 1 ]] && echo ', ONE_DATABASE=1: a role without CREATEDB'))"
  printf '%-11s %-13s %8s  %-12s %-21s %7s  %s\n' fixture "envclone exit" seconds phase "fidelity differences" leaks \
    "failed checks (under-changed/integrity/missing)"
  for fx in "${fixtures_to_run[@]}"; do
    IFS='|' read -r f rc s ph fid lk ck <<<"${row[$fx]}"
    printf '%-11s %-13s %8s  %-12s %-21s %7s  %s\n' "$f" "$rc" "$s" "$ph" "$fid" "$lk" "$ck"
  done
} | tee "$work/summary.txt"
[[ "${KEEP:-0}" == 1 ]] || echo "(KEEP=1 keeps every output: load logs, envclone's JSON and stderr, fidelity.out, leaks.out)"
exit $overall
