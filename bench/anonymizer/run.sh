#!/usr/bin/env bash
# Anonymizer benchmark: the scale-1 demo database (1.07 M rows) through the demo's rules, per core, and the
# cloner's raw throughput on the same data in the same run (bench/streaming: pg_dump baseline, Kafka).
# Needs /usr/lib/postgresql/15 (as bench/streaming/run.sh).
# Usage: bench/anonymizer/run.sh [scale (default 1)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scale="${1:-1}"
work="$(mktemp -d)"
chmod 777 "$work"
port=55435
source "$root/bench/demo-on-pg15.sh"
trap stop_pg15 EXIT

echo "== building"
"$root/mvnw" -q -B -f "$root/pom.xml" -pl anonymizer-service,cli -am install -DskipTests
"$root/mvnw" -q -B -f "$root/pom.xml" -pl anonymizer-service test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test
cp="$(cat "$work/cp.txt"):$root/anonymizer-service/target/classes:$root/anonymizer-service/target/test-classes"
javac -d "$work/classes" -cp "$cp" "$root/bench/anonymizer/AnonymizeBench.java"

start_demo_on_pg15

echo "== anonymizer, one thread, demo rules"
/usr/bin/time -f "anonymizer JVM: %e s wall, %U s user, peak RSS %M KB" java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$cp:$work/classes" AnonymizeBench \
  "jdbc:postgresql://localhost:$port/lofts" postgres "$root/deploy/samples/demo-rules.yaml" 3 2>&1 | grep -E "anonymizer"
