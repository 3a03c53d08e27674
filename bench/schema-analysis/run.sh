#!/usr/bin/env bash
# Times schema analysis (catalog reading, dependencies) and migration generation, warm and cold,
# on the scale-1 demo database (1.07 M rows) and Pagila, on an embedded PostgreSQL 17.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
"$root/mvnw" -q -B -f "$root/pom.xml" -pl cloner-service -am install -DskipTests
"$root/mvnw" -q -B -f "$root/pom.xml" -pl cloner-service dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test
cp="$(cat "$work/cp.txt"):$root/cloner-service/target/classes"
javac -d "$work" -cp "$cp" "$root/bench/schema-analysis/AnalyzeTiming.java"
java -Denvclone.fixtures.dir="$root/../shared/fixtures" -cp "$cp:$work" AnalyzeTiming 2>/dev/null | grep ' run '
