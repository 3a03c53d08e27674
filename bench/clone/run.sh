#!/usr/bin/env bash
# Clone benchmark: how long a whole copy of one source takes with the PostgreSQL tools and with envclone, in one run,
# the tools taking turns each round (so a busy moment of the machine falls on all of them alike):
#   pg_dump | psql   createdb, then pg_dump src | psql into it (the baseline; the create is in the time)
#   pgcopydb         createdb, then pgcopydb clone into it (2 table jobs, 2 index jobs), when it is installed
#                    (both with --no-owner --no-acl: a user who owns not every object can run them)
#   envclone         ./envclone clone src -> <src>-bench, discovery on (no --rules), as a new user runs it:
#                    the CLI JVM with Kafka in it, the cloner, anonymizer and validator services as child JVMs
# Every envclone round is a first clone: before it, <src>-bench, its <src>-bench__* databases and the control
# databases envclone_cloner and envclone_validator are dropped and the state directory (Kafka's log, the local key)
# is new. All on one server, hence --allow-same-server.
#
# Usage: bench/clone/run.sh SOURCE [SCALE]
#   demo [SCALE]     the demo database lofts (./envclone generate-demo) at SCALE (default 1)
#   pgbench [SCALE]  pgbench -i -s SCALE (default 100) into the database pgbench
#   url              SOURCE_URL=postgresql://user@host:port/db, an existing database on a PostgreSQL 15 server
#                    where the script may create and drop databases (<db>-bench, <db>-bench-dump, <db>-bench-pgcopydb,
#                    <db>-bench__*, envclone_cloner, envclone_validator); the password, if any, in PGPASSWORD
# demo and pgbench run on a private PostgreSQL 15 cluster the script starts (fsync off) and removes: PostgreSQL 15
# from the machine's packages, as pg_dump 15 cannot read the embedded PostgreSQL 17.
#
# Measured from outside: wall seconds of each command; peak RSS of pg_dump, psql, pgcopydb (the largest process of
# its tree: its workers, pg_dump and pg_restore are its children) and the envclone CLI JVM by /usr/bin/time (%M);
# peak RSS of each JVM of the clone from /proc/<pid>/status VmHWM, sampled every 0.5 s. /usr/bin/time's figure for
# the CLI is the largest of the CLI and the services it reaped, so the CLI's own VmHWM is the one summed with the
# services' (time's shown beside it when higher). The server's own backends are in no figure. Prints medians,
# ratios to pg_dump | psql, rows/s (exact row count of the source / median seconds) and the stage durations envclone
# reports (--output json).
# Needs root (initdb runs as postgres), /usr/lib/postgresql/15, /usr/bin/time, python3; pgcopydb optional.
#
#   ROUNDS=n        rounds (default 3)
#   RULES=file      envclone clone --rules file instead of discovery
#   REFRESH=1       also time one replacing clone (the target exists: --yes replaces it) after the rounds
#   PROFILE=1|dir   records every JVM of the last envclone round with JFR (settings=profile) through
#                   JAVA_TOOL_OPTIONS, which the services inherit; the recordings are kept in dir (PROFILE=1: a new
#                   /tmp/envclone-clone-jfr.*) and the top frames printed per process
#   MVN_OFFLINE=-o  builds offline
#   CLONE_TIMEOUT=s ends a clone that has not finished after s seconds (default 1200): a stuck one fails the run
#   PORT=n          the private cluster's port (default 55438)
#   KEEP=1          keeps the work directory (the PostgreSQL log, the tools' and services' logs, the outputs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

usage() {
  sed -n '/^# Usage:/,/^# from the machine/p' "${BASH_SOURCE[0]}" | cut -c3- >&2
  exit 2
}
kind="${1:-}"
case "$kind" in
  demo) scale="${2:-1}" ;;
  pgbench) scale="${2:-100}" ;;
  url)
    scale=""
    [[ "${SOURCE_URL:-}" =~ ^postgresql://[^/?]+/[^/?]+$ ]] \
      || { echo "SOURCE_URL: give postgresql://user@host:port/database (no parameters)" >&2; exit 2; }
    ;;
  *) usage ;;
esac
rounds="${ROUNDS:-3}"
port="${PORT:-55438}"
pg_options="-c shared_buffers=256MB -c max_wal_size=4GB"
work="$(mktemp -d /tmp/envclone-clone-bench.XXXXXX)"
chmod 777 "$work"   # initdb runs as postgres and writes here
source "$root/bench/demo-on-pg15.sh"   # pgbin, start_demo_on_pg15, stop_pg15

sampler=""
cleanup() {
  [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null || true
  [[ -d "$work/pg" ]] && stop_pg15
  if [[ -n "${KEEP:-}" ]]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b - a}'; }
# Each line read, after the seconds since $1.
stamp() {
  local line
  while IFS= read -r line; do printf '%7.1f  %s\n' "$(awk -v a="$1" -v b="$(now)" 'BEGIN {print b - a}')" "$line"; done
}

# --- the source ---------------------------------------------------------------------------------------------------
# Everything below names databases by URL: server + "/" + name (libpq, pg_dump, pgcopydb and envclone all take it).
start_pg15() {
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p $port -c fsync=off $pg_options" -l "$work/pg.log" \
    start >/dev/null
}

start_pgbench_on_pg15() {
  echo "== PostgreSQL 15 and pgbench at scale $scale"
  start_pg15
  runuser -u postgres -- "$pgbin/createdb" -p "$port" -h localhost -U postgres pgbench
  "$pgbin/pgbench" -h localhost -p "$port" -U postgres -i -s "$scale" -q pgbench 2>&1 | tail -1
}

# Sets server, src_db, src_url and what (for the title); starts and loads the private cluster for demo and pgbench.
prepare_source() {
  case "$kind" in
    demo) start_demo_on_pg15; src_db=lofts; what="demo database lofts at scale $scale" ;;
    pgbench) start_pgbench_on_pg15; src_db=pgbench; what="pgbench at scale $scale" ;;
    url) server="${SOURCE_URL%/*}"; src_db="${SOURCE_URL##*/}"; what="$src_db on ${server#*://}" ;;
  esac
  if [[ "$kind" != url ]]; then
    unset PGPASSWORD   # trust authentication
    server="postgresql://postgres@localhost:$port"
  fi
  src_url="$server/$src_db"
}

# SQL on the source database (create and drop database work from any database; the source may be all the user has).
sql() {
  PGOPTIONS="-c client_min_messages=warning" "$pgbin/psql" -q -X -v ON_ERROR_STOP=1 -d "$src_url" "$@"
}
create_database() { sql -v db="$1" <<< 'create database :"db"'; }
drop_database() { sql -v db="$1" <<< 'drop database if exists :"db" with (force)'; }

# pg_dump 15 refuses a newer server.
check_server() {
  local version
  version="$(sql -At -c 'show server_version_num')"
  if (( version >= 160000 )); then
    echo "the server is PostgreSQL $((version / 10000)): pg_dump 15 cannot dump it" >&2
    exit 2
  fi
  server_version="$(sql -At -c 'show server_version')"
}

count_rows() {
  sql -At -c "
    select coalesce(sum((xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I.%I', n.nspname,
           c.relname), false, true, '')))[1]::text::bigint), 0)
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'"
}

# --- a round of each tool -----------------------------------------------------------------------------------------
# results.tsv: tool, round, seconds, "process=peak_kb ..." per line.
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$(elapsed "$3" "$4")" "$5" >> "$work/results.tsv"; }
last_seconds() { tail -1 "$work/results.tsv" | cut -f3; }

# A tool failed: its log's end, the work directory kept, the run ended.
fail() {
  echo "$1 failed:" >&2
  tail -30 "$2" >&2
  KEEP=1
  exit 1
}

baseline_round() {
  local i="$1" db="$src_db-bench-dump" t0 t1
  drop_database "$db"
  t0="$(now)"
  create_database "$db"
  # --no-owner --no-acl as pgcopydb below: the same work, and a user who owns not all objects can run it
  /usr/bin/time -o "$work/pg_dump.rss" -f %M "$pgbin/pg_dump" --no-owner --no-acl -d "$src_url" 2> "$work/pg_dump.log" \
    | /usr/bin/time -o "$work/psql.rss" -f %M "$pgbin/psql" -q -X -v ON_ERROR_STOP=1 -d "$server/$db" \
      > /dev/null 2> "$work/psql.log" || { cat "$work/pg_dump.log" >&2; fail "pg_dump | psql" "$work/psql.log"; }
  t1="$(now)"
  record baseline "$i" "$t0" "$t1" "pg_dump=$(cat "$work/pg_dump.rss") psql=$(cat "$work/psql.rss")"
  drop_database "$db"
}

pgcopydb_round() {
  local i="$1" db="$src_db-bench-pgcopydb" t0 t1
  drop_database "$db"
  t0="$(now)"
  create_database "$db"
  # PATH: pgcopydb runs the pg_dump and pg_restore it finds there, so version 15's
  PATH="$pgbin:$PATH" /usr/bin/time -o "$work/pgcopydb.rss" -f %M pgcopydb clone --source "$src_url" \
    --target "$server/$db" --dir "$work/pgcopydb-$i" --table-jobs 2 --index-jobs 2 --no-owner --no-acl \
    > "$work/pgcopydb-$i.log" 2>&1 || fail pgcopydb "$work/pgcopydb-$i.log"
  t1="$(now)"
  record pgcopydb "$i" "$t0" "$t1" "pgcopydb=$(cat "$work/pgcopydb.rss")"
  drop_database "$db"
}

# A JVM's name from its command line: cli-jvm, or the service's module without -service.
jvm_name() {
  local module
  if [[ "$1" == *envclone-cli.jar* ]]; then echo cli-jvm; return; fi
  module="$(grep -oE '[a-z-]+-service/target/quarkus-app' <<< "$1" | head -1 | cut -d/ -f1)"
  echo "${module%-service}"
}

# Every 0.5 s: the JVMs of this clone (those whose environment holds its state directory, so not another envclone
# run on the machine), each one's VmHWM (its peak RSS so far); the file holds "name pid peak_kb" lines, rewritten
# each time.
sample_jvms() {
  local out="$1" state="$2" pid cmd name hwm
  declare -A peak=() owner=()
  while :; do
    for pid in $(pgrep -f 'envclone-cli\.jar|quarkus-run\.jar' || true); do
      grep -qzxF "ENVCLONE_STATE_DIR=$state" "/proc/$pid/environ" 2>/dev/null || continue
      cmd="$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)" || continue
      name="$(jvm_name "$cmd")"
      hwm="$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null)" || continue
      [[ -n "$name" && -n "$hwm" ]] || continue
      if (( hwm > ${peak[$name]:-0} )); then peak[$name]="$hwm"; owner[$name]="$pid"; fi
    done
    : > "$out.tmp"
    for name in "${!peak[@]}"; do echo "$name ${owner[$name]} ${peak[$name]}" >> "$out.tmp"; done
    mv -f "$out.tmp" "$out"
    sleep 0.5
  done
}

# A field of the JSON document envclone printed (from its first line opening a "{", should a JVM log before it).
outcome() {
  python3 -c 'import json, sys
text = open(sys.argv[1]).read()
start = text.find("\n{") + 1 if not text.startswith("{") else 0
print(json.loads(text[start:]).get(sys.argv[2]))' "$1" "$2" 2>/dev/null || true
}

# What a first clone finds: no target, no environment databases, no control databases.
drop_environment() {
  local db
  for db in $(sql -At -v env="$src_db-bench" <<< "select datname from pg_database
      where datname = :'env' or left(datname, length(:'env') + 2) = :'env' || '__'
        or datname in ('envclone_cloner', 'envclone_validator')"); do
    drop_database "$db"
  done
}

clone_failed() {
  local run="$1" state="$2" rc="$3" log
  echo "envclone clone failed in $(basename "$run") (exit $rc):" >&2
  tail -30 "$run/stderr" >&2
  cat "$run/outcome.json" >&2 || true
  for log in "$state"/logs/*.log; do [[ -f "$log" ]] && { echo "--- $log" >&2; tail -20 "$log" >&2; }; done
  KEEP=1
  exit 1
}

clone_round() {
  local label="$1" state="$2" t0 t1 rc=0
  local run="$work/$label"
  mkdir -p "$run"
  : > "$run/jvms.rss"
  sample_jvms "$run/jvms.rss" "$state" &
  sampler=$!
  local -a rules=() tool_options=()
  [[ -n "${RULES:-}" ]] && rules=(--rules "$(realpath "$RULES")")
  if [[ -n "$profile_dir" && "$label" == "envclone-$rounds" ]]; then
    mkdir -p "$profile_dir/$label"
    tool_options=(env "JAVA_TOOL_OPTIONS=-XX:StartFlightRecording=filename=$profile_dir/$label,settings=profile,dumponexit=true -XX:FlightRecorderOptions:stackdepth=128 -Xlog:jfr+startup=off")
  fi
  t0="$(now)"
  # in $run: the report file lands in the working directory; stderr (the progress) with the seconds since t0
  (cd "$run" && ENVCLONE_STATE_DIR="$state" ${tool_options[@]+"${tool_options[@]}"} \
    /usr/bin/time -o "$run/cli.rss" -f %M timeout "${CLONE_TIMEOUT:-1200}" "$root/envclone" clone \
      --source "$src_url" --target "$server/$src_db-bench" ${rules[@]+"${rules[@]}"} \
      --allow-same-server --yes --output json 2>&1 > "$run/outcome.json") | stamp "$t0" > "$run/stderr" || rc=$?
  t1="$(now)"
  sleep 0.6   # one more sample
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  sampler=""
  if (( rc != 0 )) || [[ "$(outcome "$run/outcome.json" phase)" != Ready ]]; then clone_failed "$run" "$state" "$rc"; fi
  record "${label%%-*}" "${label#*-}" "$t0" "$t1" \
    "cli=$(cat "$run/cli.rss") $(awk '{printf "%s%s=%s", (NR > 1 ? " " : ""), $1, $3}' "$run/jvms.rss")"
}

# --- the run ------------------------------------------------------------------------------------------------------
profile_dir=""
if [[ -n "${PROFILE:-}" ]]; then
  if [[ "$PROFILE" == 1 ]]; then profile_dir="$(mktemp -d /tmp/envclone-clone-jfr.XXXXXX)"; else profile_dir="$PROFILE"; fi
  mkdir -p "$profile_dir"
fi

echo "== building the command and the services (the reactor's modules, nothing installed)"
"$root/mvnw" -q ${MVN_OFFLINE:-} -B -f "$root/pom.xml" package -Dmaven.test.skip=true \
  -pl cli,cloner-service,anonymizer-service,validator-service -am
touch "$root/cli/target/.envclone-built"   # what ./envclone checks, so it does not build again
echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

prepare_source
check_server
total_rows="$(count_rows)"
size="$(sql -At -c "select pg_size_pretty(pg_database_size(current_database()))")"
echo "   $total_rows rows in $src_db, $size, PostgreSQL $server_version"

has_pgcopydb=0
command -v pgcopydb > /dev/null && has_pgcopydb=1

echo "== taking turns, $rounds rounds: pg_dump | psql, pgcopydb, ./envclone clone (a first clone)"
(( has_pgcopydb )) || echo "pgcopydb: not installed (apt-get install pgcopydb), skipped"
: > "$work/results.tsv"
for ((i = 1; i <= rounds; i++)); do
  baseline_round "$i"
  echo "   round $i: pg_dump | psql $(last_seconds) s"
  if (( has_pgcopydb )); then
    pgcopydb_round "$i"
    echo "   round $i: pgcopydb $(last_seconds) s"
  fi
  drop_environment
  clone_round "envclone-$i" "$work/state-$i"
  echo "   round $i: envclone $(last_seconds) s"
done
if [[ -n "${REFRESH:-}" ]]; then
  echo "== the refresh path: the same clone again onto the existing $src_db-bench (--yes replaces it)"
  clone_round "refresh-1" "$work/state-$rounds"
  echo "   refresh: $(last_seconds) s"
fi
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# on a server of the user's, leave none of the benchmark's databases behind (the private cluster goes as a whole)
[[ "$kind" == url && -z "${KEEP:-}" ]] && drop_environment

# --- the summary --------------------------------------------------------------------------------------------------
python3 - "$work" "$total_rows" "$what" "$size" "$server_version" "$rounds" "$has_pgcopydb" "$(nproc)" <<'PY'
import json, os, statistics, sys
work, total_rows, what, size, version, rounds, has_pgcopydb, cores = sys.argv[1:]
total_rows = int(total_rows)
runs = {}
for line in open(os.path.join(work, "results.tsv")):
    tool, rnd, seconds, rss = line.rstrip("\n").split("\t")
    runs.setdefault(tool, []).append((float(seconds), {k: int(v) for k, v in (p.split("=") for p in rss.split())}))

def mb(kb):
    return f"{kb / 1024:,.0f}"

def peaks(tool):
    """Per process the highest peak of the rounds; for envclone, the four JVMs and their sum (highest of the rounds)."""
    rounds_rss = [rss for _, rss in runs[tool]]
    if tool == "baseline":
        return ", ".join(f"{p} {mb(max(r[p] for r in rounds_rss))}" for p in ("pg_dump", "psql"))
    if tool == "pgcopydb":
        return f"pgcopydb {mb(max(r['pgcopydb'] for r in rounds_rss))} (largest process of its tree)"
    # the CLI's own VmHWM: /usr/bin/time's figure is the largest of the CLI and the children it reaped (the
    # services), shown as well when it is higher
    for r in rounds_rss:
        r["cli-own"] = r.get("cli-jvm", r["cli"])
    jvms = ("cli-own", "cloner", "anonymizer", "validator")
    parts = [f"{p} {mb(max(r.get(p, 0) for r in rounds_rss))}" for p in jvms]
    parts[0] = parts[0].replace("cli-own", "cli")
    by_time = max(r["cli"] for r in rounds_rss)
    if by_time > max(r["cli-own"] for r in rounds_rss) * 1.02:
        parts[0] += f" (time {mb(by_time)})"
    total = max(sum(r.get(p, 0) for p in jvms) for r in rounds_rss)
    return " + ".join(parts) + f" = {mb(total)}"

names = {"baseline": "pg_dump | psql", "pgcopydb": "pgcopydb clone", "envclone": "envclone clone (first)",
         "refresh": "envclone clone (replacing)"}
median = {tool: statistics.median(s for s, _ in runs[tool]) for tool in runs}
rows = [("tool", "median s", "runs s", "ratio", "rows/s", "peak RSS MB (highest of the rounds)")]
for tool in names:
    if tool in runs:
        rows.append((names[tool], f"{median[tool]:.1f}", ", ".join(f"{s:.1f}" for s, _ in runs[tool]),
                     f"{median[tool] / median['baseline']:.1f}x", f"{total_rows / median[tool]:,.0f}", peaks(tool)))
    elif tool == "pgcopydb" and has_pgcopydb == "0":
        rows.append((names[tool], "-", "-", "-", "-", "not installed (apt-get install pgcopydb), skipped"))
width = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]

print()
print(f"Clone benchmark: {what}, {total_rows:,} rows, {size}, PostgreSQL {version}, {rounds} round{'' if rounds == '1' else 's'}, {cores} cores")
print("(ratio: median seconds / pg_dump | psql's median seconds)")
for r in rows:   # names and RSS to the left, numbers to the right
    print("  " + "  ".join(v.ljust(w) if c in (0, 5) else v.rjust(w) for c, (v, w) in enumerate(zip(r, width))).rstrip())

stages, reported = {}, set()
for d in sorted(os.listdir(work)):
    if d.startswith("envclone-"):
        text = open(os.path.join(work, d, "outcome.json")).read()
        outcome = json.loads(text[0 if text.startswith("{") else text.find("\n{") + 1:])
        reported.add(outcome.get("rows"))
        for stage, s in (outcome.get("seconds") or {}).items():
            stages.setdefault(stage, []).append(s)
print(f"rows envclone reports: {', '.join(f'{r:,}' for r in reported if r is not None)}")
if stages:
    print("envclone's own stage durations (median s): "
          + ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in stages.items()))
PY

echo
echo "== where the last first clone's time went (seconds since the command started, first line of each step)"
awk '{ key = $2 " " $3 " " $4; if ($2 ~ /^\[/) key = $2 " " $3; if (!(key in seen)) { seen[key] = 1; print "   " $0 } }' \
  "$work/envclone-$rounds/stderr" | grep -E '==>|\[' | cut -c1-150 || true
awk -F'\t' '$1 == "envclone" && $2 == r {printf "   %7.1f  the command exited\n", $3}' r="$rounds" "$work/results.tsv"

# --- the profile --------------------------------------------------------------------------------------------------
if [[ -n "$profile_dir" && -d "$profile_dir/envclone-$rounds" ]]; then
  echo
  echo "== JFR, round $rounds (recordings kept in $profile_dir): top leaf frames and packages per process"
  for f in "$profile_dir/envclone-$rounds"/*.jfr; do
    pid="$(basename "$f" | sed -E 's/^hotspot-pid-([0-9]+)-.*/\1/')"
    who="$(awk -v p="$pid" '$2 == p {print $1}' "$work/envclone-$rounds/jvms.rss")"
    [[ -n "$who" && "$who" != cli-jvm ]] || who="cli (with Kafka)"
    echo "-- $who (pid $pid)"
    jfr print --stack-depth 64 --events jdk.ExecutionSample "$f" | python3 -c '
import collections, re, sys
leaf, package, ours, n = collections.Counter(), collections.Counter(), collections.Counter(), 0
stack, inside = [], False
for line in sys.stdin:
    s = line.strip()
    if s.startswith("stackTrace = ["):
        inside, stack = True, []
    elif inside and s.startswith("]"):
        inside = False
        if stack:
            n += 1
            leaf[stack[0]] += 1
            package[stack[0].rsplit(".", 2)[0]] += 1
            own = next((f for f in stack if f.startswith("io.envclone.")), None)
            if own:
                ours[own] += 1
    elif inside and s and s != "...":
        stack.append(re.sub(r"\s+line:.*$", "", s))
if not n:
    print("   no execution samples"); sys.exit()
print(f"   {n} samples; top leaf frames:")
for f, c in leaf.most_common(15):
    print(f"   {100 * c / n:5.1f}%  {f}")
print("   top leaf packages: " + ", ".join(f"{p} {100 * c / n:.0f}%" for p, c in package.most_common(8)))
print("   top envclone frames (the first io.envclone frame of each sample):")
for f, c in ours.most_common(8):
    print(f"   {100 * c / n:5.1f}%  {f}")
'
  done
fi
