#!/usr/bin/env bash
# Landing benchmark, in one run on PostgreSQL 15 from the machine's packages (pg_dump 15 cannot read the embedded
# PostgreSQL 17), the demo database at the given scale: psql restoring a plain pg_dump into a database it creates
# (the baseline), against the validator's own landing path (EnvironmentBuild.prepare with the pre-data DDL of
# CatalogAnalysis/MigrationScript, the batches opened, through the LeakGate and landed by BatchLander,
# EnvironmentBuild.finish), the switch-over with its pristine copy, full and data-only resets (Resets), and a
# re-clone of the same data; each step 3 times, medians and ratios printed (LandBench.java says what is timed).
# Needs /usr/lib/postgresql/15 and /usr/bin/time.
# Usage: bench/landing/run.sh [scale (default 1)]
#   ROUNDS=n          runs of each step (default 3)
#   PROFILE=file.jfr  records the JVM with JFR (settings=profile) into file.jfr; read it with
#                     jfr print --stack-depth 64 --events jdk.ExecutionSample file.jfr
#   MVN_OFFLINE=-o    builds offline
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scale="${1:-1}"
work="$(mktemp -d)"
chmod 777 "$work"
port=55437
pg_options="-c shared_buffers=256MB -c max_wal_size=4GB"
source "$root/bench/demo-on-pg15.sh"
trap 'stop_pg15; rm -rf "$work"' EXIT
psql() { "$pgbin/psql" -q -X -v ON_ERROR_STOP=1 -h localhost -p "$port" -U postgres "$@"; }

echo "== building (the reactor's modules, nothing installed)"
# -am builds api, service-common and testing in the same reactor, so a fresh clone needs none of them in ~/.m2;
# the classpath then names their target/classes.
"$root/mvnw" -q ${MVN_OFFLINE:-} -B -f "$root/pom.xml" -pl validator-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test
cp="$(cat "$work/cp.txt"):$root/validator-service/target/classes"
javac -d "$work/classes" -cp "$cp" "$root/bench/landing/LandBench.java"

start_demo_on_pg15

"$pgbin/pg_dump" -h localhost -p "$port" -U postgres lofts > "$work/dump.sql"
cat > "$work/restore.sh" <<EOF
set -euo pipefail
"$pgbin/psql" -q -X -v ON_ERROR_STOP=1 -h localhost -p $port -U postgres -d postgres -c "create database restored"
"$pgbin/psql" -q -X -v ON_ERROR_STOP=1 -h localhost -p $port -U postgres -d restored -f "$work/dump.sql" > /dev/null
EOF

echo "== psql restore and envclone landing, taking turns; then switch-over, resets, re-clones"
java_opts=(-Xmx1g -Drounds="${ROUNDS:-3}")
[[ -n "${PROFILE:-}" ]] && java_opts+=("-XX:StartFlightRecording=filename=$PROFILE,settings=profile" -XX:FlightRecorderOptions:stackdepth=256)
/usr/bin/time -f "envclone JVM: %e s wall, %U s user, %S s system, peak RSS %M KB" java "${java_opts[@]}" \
  -cp "$cp:$work/classes" LandBench "jdbc:postgresql://localhost:$port/lofts" "jdbc:postgresql://localhost:$port/" \
  postgres "$work/restore.sh" "$work" > "$work/land.out" 2> "$work/land.err" || { tail -30 "$work/land.err"; exit 1; }
grep -v '^\[.*\] INFO ' "$work/land.out"
grep "envclone JVM" "$work/land.err"
