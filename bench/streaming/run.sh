#!/usr/bin/env bash
# Streaming benchmark: the scale-1 demo database (1.07 M rows) streamed to Kafka by envclone's cloner,
# against pg_dump of the same database to /dev/null, in the same run, on PostgreSQL 15 from the
# machine's packages (pg_dump 15 cannot dump the embedded PostgreSQL 17). Needs /usr/lib/postgresql/15.
# Usage: bench/streaming/run.sh [scale (default 1)] [parallelism (default 2)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scale="${1:-1}"
parallelism="${2:-2}"
work="$(mktemp -d)"
chmod 777 "$work"
port=55432
pg_options="-c shared_buffers=256MB"
source "$root/bench/demo-on-pg15.sh"
trap 'stop_pg15; kill $broker_pid 2>/dev/null || true' EXIT

echo "== building"
"$root/mvnw" -q -B -f "$root/pom.xml" -pl cloner-service,cli -am install -DskipTests
"$root/mvnw" -q -B -f "$root/pom.xml" -pl cloner-service dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test
cp="$(cat "$work/cp.txt"):$root/cloner-service/target/classes"
javac -d "$work/classes" -cp "$cp" "$root/bench/streaming/StreamBench.java" "$root/bench/streaming/KafkaBrokerMain.java"

start_demo_on_pg15

echo "== Kafka broker (its own JVM)"
java -cp "$cp:$work/classes" KafkaBrokerMain > "$work/broker.out" 2>"$work/broker.err" &
broker_pid=$!
for _ in $(seq 1 60); do grep -q BOOTSTRAP= "$work/broker.out" && break; sleep 1; done
bootstrap="$(grep BOOTSTRAP= "$work/broker.out" | cut -d= -f2)"

echo "== pg_dump to /dev/null (baseline)"
/usr/bin/time -f "pg_dump: %e s, peak RSS %M KB" "$pgbin/pg_dump" -h localhost -p $port -U postgres lofts >/dev/null 2>"$work/dump.time"
cat "$work/dump.time"
echo "== envclone cloner to Kafka ($parallelism workers, encrypted), three clones in one JVM"
if ! /usr/bin/time -f "envclone JVM: %e s wall, %U s user, %S s sys, peak RSS %M KB" java -Xmx512m -cp "$cp:$work/classes" StreamBench \
    "jdbc:postgresql://localhost:$port/lofts" postgres "$bootstrap" "$parallelism" >"$work/stream.out" 2>"$work/stream.err"; then
  tail -30 "$work/stream.err"; exit 1
fi
grep envclone "$work/stream.out"
grep "envclone JVM" "$work/stream.err"
dump=$(grep -o 'pg_dump: [0-9.]*' "$work/dump.time" | awk '{print $2}')
first=$(grep 'clone 1 ' "$work/stream.out" | grep -o 'in [0-9.]* s' | awk '{print $2}')
warm=$(grep '(warm)' "$work/stream.out" | grep -o 'in [0-9.]* s' | awk '{print $2}' | sort -n | head -1)
echo "ratio envclone / pg_dump: $(awk -v a="$first" -v b="$dump" 'BEGIN { printf "%.2f", a / b }') for the first clone of a fresh JVM," \
  "$(awk -v a="$warm" -v b="$dump" 'BEGIN { printf "%.2f", a / b }') for the best warm clone (a running cloner-service)"
