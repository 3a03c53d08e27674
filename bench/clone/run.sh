#!/usr/bin/env bash
# Clone benchmark, in one run on PostgreSQL 15 from the machine's packages (pg_dump 15 cannot read the embedded
# PostgreSQL 17), the demo database "lofts" at the given scale: a plain copy, pg_dump lofts | psql into a database
# it creates (the baseline), against the whole `./envclone clone` of lofts into lofts-bench with the demo rules
# (the CLI JVM with Kafka in it, the cloner, anonymizer and validator services as child JVMs, discovery off since
# the rules are given, schema, stream, anonymize, land, validate), taking turns ROUNDS times. Both are on the one
# server, hence --allow-same-server; trust authentication, PGPASSWORD empty.
#
# Each envclone round is a first clone: before it, lofts-bench, its lofts-bench__* databases and the control
# databases envclone_cloner and envclone_validator are dropped and the state directory (Kafka's log, the local
# key) is new. The replacing clone of an existing environment (--yes on a target that exists, the refresh path)
# is timed once more after the rounds when REFRESH=1.
#
# Timed from outside: wall seconds of each command; peak RSS of pg_dump, psql and the CLI JVM by /usr/bin/time
# (%M); peak RSS of each service JVM from /proc/<pid>/status VmHWM, sampled every 0.5 s by a loop that finds them
# by their command line (<module>/target/quarkus-app/quarkus-run.jar under this checkout). Prints medians, the
# ratio envclone/baseline, rows/s (the demo database's exact row count / envclone's median seconds) and the
# stage durations envclone reports (--output json).
# Needs root (initdb runs as postgres), /usr/lib/postgresql/15, /usr/bin/time, python3.
# Usage: bench/clone/run.sh [scale (default 1)]
#   ROUNDS=n        rounds of each (default 3)
#   REFRESH=1       also time one replacing clone (the target exists) after the rounds
#   PROFILE=1|dir   records every JVM of the last envclone round with JFR (settings=profile) through
#                   JAVA_TOOL_OPTIONS, which the services inherit (ServiceProcess passes no JVM options of its own);
#                   the recordings are kept in dir (PROFILE=1: a new /tmp/envclone-clone-jfr.*), the top frames are
#                   printed per process; the other rounds run without it
#   MVN_OFFLINE=-o  builds offline
#   CLONE_TIMEOUT=s ends a clone that has not finished after s seconds (default 1200): a stuck one fails the run
#   KEEP=1          keeps the work directory (the PostgreSQL log, the services' logs, the outputs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scale="${1:-1}"
rounds="${ROUNDS:-3}"
work="$(mktemp -d /tmp/envclone-clone-bench.XXXXXX)"
chmod 777 "$work"
port="${PORT:-55438}"
pg_options="-c shared_buffers=256MB -c max_wal_size=4GB"
source "$root/bench/demo-on-pg15.sh"
sampler=""
cleanup() {
  [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null || true
  stop_pg15
  if [[ -n "${KEEP:-}" ]]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
unset PGPASSWORD
psql() { "$pgbin/psql" -q -X -v ON_ERROR_STOP=1 -h localhost -p "$port" -U postgres "$@"; }
now() { date +%s.%N; }
# Each line read, after the seconds since $1.
stamp() {
  local line
  while IFS= read -r line; do printf '%7.1f  %s\n' "$(awk -v a="$1" -v b="$(now)" 'BEGIN {print b - a}')" "$line"; done
}

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

start_demo_on_pg15
total_rows="$(psql -d lofts -At -c "
  select sum((xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I.%I', n.nspname, c.relname),
         false, true, '')))[1]::text::bigint)
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'")"
echo "   $total_rows rows in lofts, $(psql -d lofts -At -c "select pg_size_pretty(pg_database_size('lofts'))")"

has_clone=1
if ! "$root/envclone" --help 2>&1 | grep -qE '^ +clone +'; then
  has_clone=0
  echo "   (./envclone clone is not there in this checkout: the baseline only)"
fi

# --- the baseline: a plain copy with the PostgreSQL tools ---------------------------------------------------------
baseline_round() {
  local i="$1" t0 t1
  t0="$(now)"
  psql -d postgres -c 'create database "lofts-restored"'
  /usr/bin/time -o "$work/pg_dump.rss" -f %M "$pgbin/pg_dump" -h localhost -p "$port" -U postgres lofts \
    | /usr/bin/time -o "$work/psql.rss" -f %M "$pgbin/psql" -q -X -v ON_ERROR_STOP=1 -h localhost -p "$port" \
      -U postgres -d lofts-restored > /dev/null
  t1="$(now)"
  psql -d postgres -c 'drop database "lofts-restored"'
  printf 'baseline\t%s\t%s\tpg_dump=%s psql=%s\n' "$i" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')" "$(cat "$work/pg_dump.rss")" \
    "$(cat "$work/psql.rss")" >> "$work/results.tsv"
}

# --- envclone ---------------------------------------------------------------------------------------------------
# Every 0.5 s: the service JVMs of this checkout, each one's VmHWM (its peak RSS so far), the highest per module;
# the file holds "module pid peak_kb" lines, rewritten each time.
sample_services() {
  local out="$1" pid cmd module hwm
  declare -A peak=() owner=()
  while :; do
    for pid in $(pgrep -f "$root/[a-z-]*-service/target/quarkus-app/quarkus-run.jar" || true); do
      cmd="$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)" || continue
      module="$(grep -oE '[a-z-]+-service/target/quarkus-app/quarkus-run.jar' <<< "$cmd" | head -1 | cut -d/ -f1)"
      hwm="$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null)" || continue
      [[ -n "$module" && -n "$hwm" ]] || continue
      if (( hwm > ${peak[$module]:-0} )); then peak[$module]="$hwm"; owner[$module]="$pid"; fi
    done
    : > "$out.tmp"
    for module in "${!peak[@]}"; do echo "$module ${owner[$module]} ${peak[$module]}" >> "$out.tmp"; done
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

drop_environment() {
  local db
  for db in $(psql -d postgres -At -c "select datname from pg_database where datname = 'lofts-bench'
      or datname like 'lofts-bench\_\_%' or datname in ('envclone_cloner', 'envclone_validator')"); do
    psql -d postgres -c "drop database \"$db\" with (force)"
  done
}

clone_round() {
  local label="$1" state="$2" t0 t1 rc=0
  local run="$work/$label"
  mkdir -p "$run"
  : > "$run/services.rss"
  sample_services "$run/services.rss" &
  sampler=$!
  local -a tool_options=()
  if [[ -n "$profile_dir" && "$label" == "envclone-$rounds" ]]; then
    mkdir -p "$profile_dir/$label"
    tool_options=(env "JAVA_TOOL_OPTIONS=-XX:StartFlightRecording=filename=$profile_dir/$label,settings=profile,dumponexit=true -XX:FlightRecorderOptions:stackdepth=128 -Xlog:jfr+startup=off")
  fi
  t0="$(now)"
  # in $run: the report file lands in the working directory; stderr (the progress) with the seconds since t0
  (cd "$run" && ENVCLONE_STATE_DIR="$state" PGPASSWORD= ${tool_options[@]+"${tool_options[@]}"} \
    /usr/bin/time -o "$run/cli.rss" -f %M timeout "${CLONE_TIMEOUT:-1200}" "$root/envclone" clone \
      --source "postgresql://postgres@localhost:$port/lofts" \
      --target "postgresql://postgres@localhost:$port/lofts-bench" \
      --rules "$root/deploy/samples/demo-rules.yaml" --allow-same-server --yes --output json \
      2>&1 > "$run/outcome.json") | stamp "$t0" > "$run/stderr" || rc=$?
  t1="$(now)"
  sleep 0.6   # one more sample
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  sampler=""
  if (( rc != 0 )) || [[ "$(outcome "$run/outcome.json" phase)" != Ready ]]; then
    echo "envclone clone failed in $label (exit $rc):" >&2
    tail -30 "$run/stderr" >&2
    cat "$run/outcome.json" >&2 || true
    for log in "$state"/logs/*.log; do [[ -f "$log" ]] && { echo "--- $log" >&2; tail -20 "$log" >&2; }; done
    KEEP=1
    exit 1
  fi
  local services
  services="$(awk '{printf "%s%s=%s", (NR > 1 ? " " : ""), $1, $3}' "$run/services.rss")"
  printf '%s\t%s\t%s\tcli=%s %s\n' "${label%%-*}" "${label#*-}" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')" "$(cat "$run/cli.rss")" \
    "$services" >> "$work/results.tsv"
}

echo "== taking turns, $rounds rounds: pg_dump | psql into a new database, then ./envclone clone (a first clone)"
: > "$work/results.tsv"
for ((i = 1; i <= rounds; i++)); do
  baseline_round "$i"
  echo "   round $i: baseline $(tail -1 "$work/results.tsv" | cut -f3) s"
  if (( has_clone )); then
    drop_environment
    clone_round "envclone-$i" "$work/state-$i"
    echo "   round $i: envclone $(tail -1 "$work/results.tsv" | cut -f3) s"
  fi
done
if (( has_clone )) && [[ -n "${REFRESH:-}" ]]; then
  echo "== the refresh path: the same clone again onto the existing lofts-bench (--yes replaces it)"
  clone_round "refresh-1" "$work/state-$rounds"
  echo "   refresh: $(tail -1 "$work/results.tsv" | cut -f3) s"
fi
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- the summary ------------------------------------------------------------------------------------------------
python3 - "$work" "$total_rows" "$scale" "$rounds" <<'PY'
import json, os, statistics, sys
work, total_rows, scale, rounds = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
runs = {}
for line in open(os.path.join(work, "results.tsv")):
    kind, rnd, seconds, rss = line.rstrip("\n").split("\t")
    runs.setdefault(kind, []).append((float(seconds), dict(p.split("=") for p in rss.split())))

def mb(kb):
    return f"{int(kb) / 1024:,.0f} MB"

print()
print(f"Clone benchmark: demo database lofts at scale {scale}, {total_rows:,} rows, PostgreSQL 15, {rounds} rounds")
median = {}
for kind in ("baseline", "envclone", "refresh"):
    if kind not in runs:
        continue
    seconds = [s for s, _ in runs[kind]]
    median[kind] = statistics.median(seconds)
    what = {"baseline": "pg_dump | psql (new database)", "envclone": "envclone clone (first clone)",
            "refresh": "envclone clone (replacing)"}[kind]
    print(f"  {what:34} median {median[kind]:7.1f} s   runs: {', '.join(f'{s:.1f}' for s in seconds)}")
    processes = sorted({p for _, rss in runs[kind] for p in rss})
    for p in processes:
        peaks = [int(rss[p]) for _, rss in runs[kind] if p in rss]
        print(f"      peak RSS {p:20} max {mb(max(peaks)):>9}   runs: {', '.join(mb(k) for k in peaks)}")
if "envclone" in median:
    print(f"  ratio envclone/baseline          {median['envclone'] / median['baseline']:.1f}x")
    print(f"  envclone rows/s                  {total_rows / median['envclone']:,.0f}"
          f"   (baseline {total_rows / median['baseline']:,.0f})")
    stages = {}
    rows = set()
    for d in sorted(os.listdir(work)):
        if d.startswith("envclone-"):
            text = open(os.path.join(work, d, "outcome.json")).read()
            outcome = json.loads(text[0 if text.startswith("{") else text.find("\n{") + 1:])
            rows.add(outcome.get("rows"))
            for stage, s in (outcome.get("seconds") or {}).items():
                stages.setdefault(stage, []).append(s)
    print(f"  rows envclone reports            {', '.join(f'{r:,}' for r in rows if r is not None)}")
    if stages:
        print("  envclone's own stage durations (median s): "
              + ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in stages.items()))
PY

if (( has_clone )); then
  echo
  echo "== where the last first clone's time went (seconds since the command started, first line of each step)"
  awk '{ key = $2 " " $3 " " $4; if ($2 ~ /^\[/) key = $2 " " $3; if (!(key in seen)) { seen[key] = 1; print "   " $0 } }' \
    "$work/envclone-$rounds/stderr" | grep -E '==>|\[' | cut -c1-150 || true
  awk -F'\t' '$1 == "envclone" && $2 == r {printf "   %7.1f  the command exited\n", $3}' r="$rounds" "$work/results.tsv"
fi

# --- the profile ------------------------------------------------------------------------------------------------
if [[ -n "$profile_dir" && -d "$profile_dir/envclone-$rounds" ]]; then
  echo
  echo "== JFR, round $rounds (recordings kept in $profile_dir): top leaf frames and packages per process"
  for f in "$profile_dir/envclone-$rounds"/*.jfr; do
    pid="$(basename "$f" | sed -E 's/^hotspot-pid-([0-9]+)-.*/\1/')"
    who="$(awk -v p="$pid" '$2 == p {print $1}' "$work/envclone-$rounds/services.rss")"
    [[ -n "$who" ]] || who="cli (with Kafka)"
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
