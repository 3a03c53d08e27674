#!/usr/bin/env bash
# Fault-injection benchmark (outside the unit suite): SIGKILL each of the cloner, anonymizer and validator
# services at a random point of a clone, RUNS times each, and check that every run still ends with the
# source's exact row counts per table, nothing duplicated and the independent judge (../shared/judge/fidelity.sh)
# at 0 differences. Read bench/faults/README.md.
#
# Usage: bench/faults/run.sh
#   SOURCE=pgbench|demo  pgbench -i (4 tables, default) or the demo database (./envclone generate-demo)
#   SCALE=n              pgbench scale (default 10: 1,000,110 rows) or demo scale (default 1, about a million rows)
#   RUNS=n               kills per service (default 3)
#   VICTIMS="a b"        services to kill (default: cloner-service anonymizer-service validator-service)
#   BATCH_SIZE=n         passed as --batch-size (default: the cloner's); for small smoke tests only
#   STALL_TIMEOUT=d      passed as --stall-timeout (default: envclone's, 10m)
#   CLONE_TIMEOUT=s      ends one clone command after s seconds (default 900)
#   SEED=n               seeds the random kill delays, to repeat a sequence
#   PORT=n               the private PostgreSQL's port (default 55480)
#   MVN_OFFLINE=-o       builds offline; SKIP_BUILD=1 uses the modules' target/ as they are
#   KEEP=1               keeps the work directory (stderr, JSON, service logs, judge output of every run)
# Exit 0 only when every run passes; 1 otherwise; 0 with "skipped:" when a tool or the judge is missing.
# Needs root (initdb runs as postgres), /usr/lib/postgresql/15, java 17+, python3, psql and pg_dump 15+.
set -euo pipefail
export LC_ALL=C   # a dot in $EPOCHREALTIME and in printf's numbers
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
judge="$root/../shared/judge"
pgbin=/usr/lib/postgresql/15/bin
source_kind="${SOURCE:-pgbench}"
case "$source_kind" in
  pgbench) scale="${SCALE:-10}"; db=bench ;;
  demo) scale="${SCALE:-1}"; db=lofts ;;
  *) echo "SOURCE: pgbench or demo, not $source_kind" >&2; exit 2 ;;
esac
target="${db}_faults"
runs="${RUNS:-3}"
read -r -a victims <<< "${VICTIMS:-cloner-service anonymizer-service validator-service}"
port="${PORT:-55480}"
clone_timeout="${CLONE_TIMEOUT:-900}"
[[ -n "${SEED:-}" ]] && RANDOM="$SEED"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"

skip() { echo "bench/faults/run.sh: skipped: $*"; exit 0; }
for tool in psql pg_dump python3 "$java_cmd" "$pgbin/initdb"; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed"
done
[[ -x "$judge/fidelity.sh" ]] || skip "no judge at $judge/fidelity.sh (../shared/judge beside the repository)"
(( EUID == 0 )) || { echo "needs root: initdb and pg_ctl run as postgres through runuser" >&2; exit 2; }

work="$(mktemp -d /tmp/envclone-faults.XXXXXX)"
chmod 755 "$work"
# the built command and services are copied here: see snapshot()
home="$work/home"
services_jar_pattern="$home/[a-z-]*-service/target/quarkus-app/quarkus-run.jar"

# Service JVMs of this benchmark's copy still running (none once a clone command has exited).
leftover_services() { pgrep -f "$services_jar_pattern" || true; }
cleanup() {
  local job pid
  # a clone still running (an error or ^C here): its command, then its services
  for job in $(jobs -p); do kill "$job" 2>/dev/null || true; done
  for pid in $(pgrep -f "$home/cli/target/envclone-cli.jar" || true); do kill "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in $(leftover_services); do kill -9 "$pid" 2>/dev/null || true; done
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  if [[ -n "${KEEP:-}" ]]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

unset PGPASSWORD
server="postgresql://postgres@localhost:$port"
psql() { command psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$port" -U postgres "$@"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# Each line read, after its arrival time (epoch seconds): when the services came up and what the
# progress said at the kill are read back from these times.
stamp() {
  local line
  while IFS= read -r line || [[ -n "$line" ]]; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done
}

# --- build and snapshot -------------------------------------------------------------------------------------------
build() {
  if [[ -n "${SKIP_BUILD:-}" ]]; then echo "== SKIP_BUILD: the modules' target/ as they are"; return; fi
  echo "== building the command and the services (the reactor's modules, nothing installed)"
  "$root/mvnw" -q ${MVN_OFFLINE:-} -B -f "$root/pom.xml" package -Dmaven.test.skip=true \
    -pl cli,cloner-service,anonymizer-service,validator-service -am
  touch "$root/cli/target/.envclone-built"   # what ./envclone checks, so it does not build again
}

# The runs use a copy of what was built, run as ./envclone runs it (java -jar cli/target/envclone-cli.jar with
# ENVCLONE_HOME): ./envclone rebuilds when a source is newer than its last build, so an edit in the checkout during
# the benchmark would otherwise rebuild between runs or replace a service's jar under a clone; and the kill finds
# only this benchmark's JVMs, never those of another clone on the machine.
snapshot() {
  local module
  mkdir -p "$home/cli/target" "$home/deploy"
  cp -a "$root/cli/target/envclone-cli.jar" "$root/cli/target/lib" "$home/cli/target/"
  for module in cloner-service anonymizer-service validator-service; do
    mkdir -p "$home/$module/target"
    cp -a "$root/$module/target/quarkus-app" "$home/$module/target/"
  done
  cp -a "$root/deploy/samples" "$home/deploy/"   # generate-demo reads its manifests from there
  cp "$root/mvnw" "$home/"
}
envclone() {
  ENVCLONE_HOME="$home" "$java_cmd" ${ENVCLONE_JAVA_OPTS:-} -jar "$home/cli/target/envclone-cli.jar" "$@"
}

# --- the source ---------------------------------------------------------------------------------------------------
start_source() {
  echo "== PostgreSQL 15 on port $port (fsync off), source $source_kind at scale $scale"
  install -d -o postgres -m 700 "$work/pg"
  install -o postgres -m 644 /dev/null "$work/pg.log"
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" \
    -o "-p $port -c fsync=off -c shared_buffers=256MB -c max_wal_size=4GB" start >/dev/null
  psql -d postgres -c "create database $db"
  if [[ "$source_kind" == pgbench ]]; then
    "$pgbin/pgbench" -i -q -s "$scale" -h localhost -p "$port" -U postgres "$db" 2>&1 | tail -1
  else
    (cd "$work" && ENVCLONE_STATE_DIR="$work/state-demo" envclone generate-demo \
      --database-url "jdbc:postgresql://localhost:$port/$db" --user postgres --scale "$scale" --no-keep-running) | tail -1
  fi
}

# "schema.table<TAB>rows" of every base table of database $1, sorted; read from the source's list of tables, so a
# table missing in the target prints "missing".
tables() {
  psql -d "$db" -At -c "select format('%I.%I', n.nspname, c.relname) from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
    order by 1"
}
counts() {
  local t n
  for t in $(tables); do
    n="$(psql -d "$1" -At -c "select count(*) from only $t" 2>/dev/null)" || n=missing
    printf '%s\t%s\n' "$t" "$n"
  done
}
# Rows of the target that repeat a primary key of the source's tables (count(*) - count(distinct key)), summed.
duplicates() {
  local t key n sum=0
  while IFS=$'\t' read -r t key; do
    [[ -n "$t" ]] || continue
    n="$(psql -d "$target" -At -c "select count(*) - count(distinct ($key)) from only $t" 2>/dev/null)" || n=0
    sum=$((sum + n))
    (( n == 0 )) || echo "   duplicates: $t has $n rows repeating ($key)" >&2
  done < <(psql -d "$db" -At -F $'\t' -c "select format('%I.%I', n.nspname, c.relname),
      string_agg(format('%I', a.attname), ', ' order by k.i)
    from pg_constraint p join pg_class c on c.oid = p.conrelid join pg_namespace n on n.oid = c.relnamespace
    cross join unnest(p.conkey) with ordinality k(attnum, i)
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where p.contype = 'p' and c.relkind = 'r' group by 1 order by 1")
  echo "$sum"
}

# A fresh first clone each time: the target environment and the control databases dropped.
drop_environment() {
  local d
  for d in $(psql -d postgres -At -c "select datname from pg_database where datname = '$target'
      or datname like '${target//_/\\_}\\_\\_%' or datname in ('envclone_cloner', 'envclone_validator')"); do
    psql -d postgres -c "drop database \"$d\" with (force)"
  done
}

# --- one clone command ----------------------------------------------------------------------------------------------
# clone_command DIR N: the clone in DIR (its state directory DIR/state), stdout to DIR/out-N.json, stderr stamped
# and appended to DIR/stderr, the exit code to DIR/rc-N. The same arguments every time: a rerun resumes.
clone_command() {
  local dir="$1" n="$2" rc=0
  local -a extra=()
  [[ -n "${BATCH_SIZE:-}" ]] && extra+=(--batch-size "$BATCH_SIZE")
  [[ -n "${STALL_TIMEOUT:-}" ]] && extra+=(--stall-timeout "$STALL_TIMEOUT")
  (cd "$dir" && ENVCLONE_HOME="$home" ENVCLONE_STATE_DIR="$dir/state" PGPASSWORD= timeout "$clone_timeout" \
      "$java_cmd" ${ENVCLONE_JAVA_OPTS:-} -jar "$home/cli/target/envclone-cli.jar" clone \
      --source "$server/$db" --target "$server/$target" --allow-same-server --yes --output json \
      ${extra[@]+"${extra[@]}"} 2>&1 >"$dir/out-$n.json" | stamp >>"$dir/stderr") || rc=$?
  echo "$rc" >"$dir/rc-$n"
}
# A field of the JSON document a command printed (from its first line opening a "{", should a JVM log before it).
outcome() {
  python3 -c 'import json, sys
text = open(sys.argv[1]).read()
start = 0 if text.startswith("{") else text.find("\n{") + 1
print(json.loads(text[start:]).get(sys.argv[2]))' "$1" "$2" 2>/dev/null || echo none
}
progress_pattern='^[0-9.]+ (==>|\[(Pending|Schema|Fingerprinting|Cloning|Finishing|Ready|Failed) *\])'
# When the services were up: the first progress line after "starting the cloner, anonymizer and validator".
services_up_at() {
  awk -v p="$progress_pattern" 'up && $0 ~ p { print $1; exit } /==> starting the cloner/ { up = 1 }' "$1"
}
# What the last progress line in $1 said: the stage and its percentage, or the setup step before the stages.
last_phase() {
  awk -v p="$progress_pattern" '$0 ~ p { last = $0 } END {
    if (last ~ /==> (sampling|no rules)/) { print "Discovery"; exit }
    if (last ~ /==>/) { print "setup"; exit }
    match(last, /\[[A-Za-z]+/); phase = substr(last, RSTART + 1, RLENGTH - 1)
    if (match(last, /\([0-9]+%\)/)) phase = phase " " substr(last, RSTART + 1, RLENGTH - 2)
    print phase }' "$1"
}
# Lines of stderr worth showing: the supervision's words and the message of a command that stopped.
notable() {
  grep -E 'died|started again|not started|did not start|stall|nothing moved|same command again|\[Failed' "$1" \
    | cut -d' ' -f2- | cut -c1-240 | head -8 || true
}
# Log lines at ERROR on the command's stderr (the Kafka broker runs inside the command): how many, and the first.
errors() {
  local n
  n="$(grep -c ' ERROR ' "$1" || true)"
  (( n == 0 )) || echo "   $n ERROR log lines on stderr, the first: $(grep -m1 ' ERROR ' "$1" | cut -d' ' -f2- | cut -c1-200)"
}

# Seconds from the services being up to the clone's last progress line (Ready), in a stderr file.
clone_seconds() {
  local up end
  up="$(services_up_at "$1")"
  end="$(awk -v p="$progress_pattern" '$0 ~ p { last = $1 } END { print last }' "$1")"
  secs "${up:-$end}" "$end"
}
# The window of kill delays for a clone of $1 seconds, "from to": 20% to 80% of it, never before 2 s.
kill_window() {
  awk -v t="$1" 'BEGIN { a = 0.2 * t; if (a < 2) a = 2; b = 0.8 * t; if (b < a) b = a; printf "%.1f %.1f\n", a, b }'
}
# How many times the service $2 was started in the state directory $1 (Quarkus says "started in" once a start):
# the supervision's restarts, seen from the service's log rather than from the command's words.
starts() { grep -c 'started in' "$1/logs/$2.log" 2>/dev/null || true; }
# Service JVMs outliving their command would be a leak of the supervision: said, then ended.
check_leftovers() {
  local pid leftovers
  for _ in $(seq 20); do [[ -z "$(leftover_services)" ]] && break; sleep 0.5; done
  leftovers="$(leftover_services)"
  [[ -n "$leftovers" ]] || return 0
  echo "   service JVMs still running after the command ended: $(echo $leftovers) (ended now)"
  for pid in $leftovers; do kill -9 "$pid" 2>/dev/null || true; done
}

# --- the undisturbed clone: how long it takes once the services are up ----------------------------------------------
measure() {
  local dir="$work/undisturbed" t0 t1 rc
  mkdir -p "$dir"
  drop_environment
  echo "== an undisturbed clone first, to place the kills inside the clone"
  t0="$EPOCHREALTIME"
  clone_command "$dir" 1
  t1="$EPOCHREALTIME"
  rc="$(cat "$dir/rc-1")"
  check_leftovers
  echo "   exit $rc, phase $(outcome "$dir/out-1.json" phase), $(secs "$t0" "$t1") s in all," \
    "$(clone_seconds "$dir/stderr") s from the services up to Ready"
  errors "$dir/stderr"
  [[ "$rc" == 0 ]] || { echo "the undisturbed clone failed: no fault run would mean anything" >&2
    notable "$dir/stderr" >&2; tail -5 "$dir/stderr" | cut -d' ' -f2- >&2; KEEP=1; exit 1; }
  read -r kill_from kill_to < <(kill_window "$(clone_seconds "$dir/stderr")")
  echo "   kills between $kill_from s and $kill_to s after the services are up"
  judge_run "$dir" none 0 "-" "-" no no "$(secs "$t0" "$t1")" "$rc"
}

# --- one fault run --------------------------------------------------------------------------------------------------
# try_kill DIR VICTIM DELAY: starts the clone in the background, kills VICTIM DELAY s after the services are up,
# leaves the job's pid in $job; sets phase and kill_at ("-" when the command ended first or VICTIM was not there).
try_kill() {
  local dir="$1" victim="$2" delay="$3" up="" pids
  phase="-" kill_at="-"
  clone_command "$dir" 1 &
  job=$!
  until up="$(services_up_at "$dir/stderr" 2>/dev/null)"; [[ -n "$up" ]] || ! kill -0 "$job" 2>/dev/null; do sleep 0.2; done
  [[ -n "$up" ]] || return 0
  sleep "$(awk -v up="$up" -v d="$delay" -v now="$EPOCHREALTIME" 'BEGIN { w = up + d - now; printf "%.2f", (w < 0 ? 0 : w) }')"
  pids="$(pgrep -f "$home/$victim/target/quarkus-app/quarkus-run.jar" || true)"
  if [[ -n "$pids" ]] && kill -0 "$job" 2>/dev/null && ! grep -q '\[Ready' "$dir/stderr"; then
    phase="$(last_phase "$dir/stderr")"
    if kill -9 $pids 2>/dev/null; then
      kill_at="$delay"
      echo "   killed pid $(echo $pids) ($victim) during: $phase (the last progress line)"
    fi
  fi
}

fault_run() {
  local victim="$1" i="$2" dir="$work/$1-$2" t0 t1 job delay phase kill_at restarted resumed=no rc try n
  local from="$kill_from" to="$kill_to"
  # A kill that misses (this clone was quicker than the undisturbed one) is no run: the clone is done again, with
  # a delay drawn from the window that this quicker clone gives, at most 3 tries.
  for try in 1 2 3; do
    rm -rf "$dir"
    mkdir -p "$dir"
    drop_environment
    delay="$(awk -v a="$from" -v b="$to" -v r="$RANDOM" 'BEGIN { printf "%.1f", a + (b - a) * r / 32767 }')"
    echo "== $victim, run $i$( (( try > 1 )) && echo ", try $try"): kill -9 at $delay s after the services are up"
    t0="$EPOCHREALTIME"
    try_kill "$dir" "$victim" "$delay"
    wait "$job" || true
    [[ "$kill_at" == "-" ]] || break
    echo "   the kill missed: the clone was Ready, or $victim not running, after $delay s"
    check_leftovers
    read -r from to < <(kill_window "$(clone_seconds "$dir/stderr")")
  done
  (( try == 1 )) || phase="$phase (try $try)"
  rc="$(cat "$dir/rc-1")"
  n="$(starts "$dir/state" "$victim")"
  check_leftovers
  if [[ "$rc" != 0 ]]; then
    echo "   the command exited $rc: $(outcome "$dir/out-1.json" reason | cut -c1-300)"
    echo "   running the same command again (it resumes the clone)"
    clone_command "$dir" 2
    resumed=yes
    rc="$(cat "$dir/rc-2")"
    check_leftovers
  fi
  t1="$EPOCHREALTIME"
  # what the command said, and what the service's log shows: it came back (a second start) without a word
  if grep -q "the $victim died (exit 137): started again" "$dir/stderr"; then restarted=yes
  elif (( ${n:-0} > 1 )); then restarted="log only"
  else restarted=no; fi
  notable "$dir/stderr" | sed 's/^/   | /'
  errors "$dir/stderr"
  judge_run "$dir" "$victim" "$i" "$kill_at" "$phase" "$restarted" "$resumed" "$(secs "$t0" "$t1")" "$rc"
}

# --- judging a run: final phase, counts, duplicates, fidelity; one line of results.tsv ------------------------------
judge_run() {
  local dir="$1" victim="$2" i="$3" kill_at="$4" phase="$5" restarted="$6" resumed="$7" seconds="$8" rc="$9"
  local last final counts_equal dups fid verdict
  last="$(ls "$dir"/out-*.json | sort | tail -1)"
  final="$(outcome "$last" phase)"
  counts "$db" >"$dir/source.counts"
  counts "$target" >"$dir/target.counts"
  if cmp -s "$dir/source.counts" "$dir/target.counts"; then counts_equal=yes; else
    counts_equal=no
    paste "$dir/source.counts" "$dir/target.counts" | awk -F'\t' '$2 != $4 { print "   counts: " $1 " source " $2 " target " $4 }'
  fi
  dups="$(duplicates)"
  PATH="$pgbin:$PATH" "$judge/fidelity.sh" "$server/$db" "$server/$target" >"$dir/fidelity.out" 2>&1 || true
  fid="$(sed -n 's/^fidelity: \([0-9]*\) differences.*/\1/p' "$dir/fidelity.out" | tail -1)"
  echo "   $(tail -1 "$dir/fidelity.out")"
  verdict=pass
  [[ "$victim" == none || "$kill_at" != "-" ]] || verdict="FAIL (kill missed)"
  [[ "$final" == Ready && "$rc" == 0 && "$counts_equal" == yes && "$dups" == 0 && "${fid:-x}" == 0 ]] || verdict=FAIL
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$victim" "$i" "$kill_at" "$phase" "$restarted" \
    "$resumed" "$seconds" "$final" "$counts_equal" "$dups" "${fid:-?}" "$verdict" >>"$work/results.tsv"
  echo "   $final, counts equal: $counts_equal, duplicates: $dups, fidelity: ${fid:-?} differences: $verdict"
  [[ -n "${KEEP:-}" ]] || rm -rf "$dir/state/kafka"   # the largest part of a run, never read again
}

summary() {
  echo
  echo "== fault injection: $source_kind scale $scale ($(awk -F'\t' '{ n += $2 } END { printf "%d", n }' \
    "$work/undisturbed/source.counts") rows), $runs run(s) per service, kills at ${kill_from}-${kill_to} s after" \
    "the services are up; $(date -u +%Y-%m-%d), $(git -C "$root" rev-parse --short HEAD 2>/dev/null)"
  printf '%-18s %3s %7s  %-22s %-9s %-6s %7s  %-6s %-6s %4s %8s  %s\n' victim run "kill s" "phase at kill" restarted \
    rerun seconds final counts dups fidelity verdict
  awk -F'\t' '{ printf "%-18s %3s %7s  %-22s %-9s %-6s %7s  %-6s %-6s %4s %8s  %s\n",
    $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 }' "$work/results.tsv"
}

build
snapshot
start_source
: >"$work/results.tsv"
measure
for victim in "${victims[@]}"; do
  for ((i = 1; i <= runs; i++)); do fault_run "$victim" "$i"; done
done
summary | tee "$work/summary.txt"
if grep -q $'\tFAIL' "$work/results.tsv"; then exit 1; fi
