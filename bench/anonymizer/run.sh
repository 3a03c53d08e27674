#!/usr/bin/env bash
# Anonymizer benchmark: the scale-1 demo database (1.07 M rows) through the demo's rules, per core, and the
# cloner's raw throughput on the same data in the same run (bench/streaming: pg_dump baseline, Kafka).
# Needs /usr/lib/postgresql/15 (as bench/streaming/run.sh).
# Usage: bench/anonymizer/run.sh [scale (default 1)]; ANONYMIZER_ONLY=1 skips the cloner's run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scale="${1:-1}"
work="$(mktemp -d)"
chmod 777 "$work"
port=55435
source "$root/bench/demo-on-pg15.sh"
trap stop_pg15 EXIT

if [[ -z "${ANONYMIZER_ONLY:-}" ]]; then
  echo "== the cloner's raw throughput on the same data (bench/streaming/run.sh $scale 2)"
  "$root/bench/streaming/run.sh" "$scale" 2 2>&1 | grep -E "^(pg_dump|envclone clone|ratio)" | tee "$work/cloner.txt"
fi

echo "== building"
"$root/mvnw" -q -B -f "$root/pom.xml" -pl anonymizer-service,cli -am install -DskipTests
"$root/mvnw" -q -B -f "$root/pom.xml" -pl anonymizer-service test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test
cp="$(cat "$work/cp.txt"):$root/anonymizer-service/target/classes:$root/anonymizer-service/target/test-classes"
javac -d "$work/classes" -cp "$cp" "$root/bench/anonymizer/AnonymizeBench.java"

start_demo_on_pg15

echo "== anonymizer, one thread, demo rules"
/usr/bin/time -f "anonymizer JVM: %e s wall, %U s user, peak RSS %M KB" java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$cp:$work/classes" AnonymizeBench \
  "jdbc:postgresql://localhost:$port/lofts" postgres "$root/deploy/samples/demo-rules.yaml" 3 2>&1 | grep -E "anonymizer" \
  | tee "$work/anonymizer.txt"

if [[ -f "$work/cloner.txt" ]]; then
  # rows/s: the cloner's best warm clone (2 workers, all cores) and its fresh one, against the anonymizer per core
  rate() { grep -E "$1" "$2" | sed -E 's/.* ([0-9]+) rows\/s.*/\1/' | sort -n | tail -1; }
  cloner_warm=$(rate "clone [2-9] \\(warm\\)" "$work/cloner.txt"); cloner_fresh=$(rate "fresh JVM" "$work/cloner.txt")
  anon_warm=$(rate "\\(warm\\)" "$work/anonymizer.txt"); anon_fresh=$(rate "fresh JVM" "$work/anonymizer.txt")
  awk -v cw="$cloner_warm" -v cf="$cloner_fresh" -v aw="$anon_warm" -v af="$anon_fresh" 'BEGIN {
    printf "ratio anonymizer (one core) / cloner (2 workers): %.2f warm, %.2f fresh JVMs\n", aw / cw, af / cf }'
fi
