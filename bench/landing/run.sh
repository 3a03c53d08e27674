#!/usr/bin/env bash
# Landing benchmark: the scale-1 demo database landed by the validator's BatchLander (opened, leak gate,
# binary COPY with its ledger) into a target holding the pre-data schema, then the post-data part, against
# psql restoring a plain pg_dump of the same database into an empty one, in the same run, on PostgreSQL 15
# from the machine's packages. The schema's sections come from pg_dump for both (the validator's own
# schema landing is to come). Needs /usr/lib/postgresql/15.
# Usage: bench/landing/run.sh [scale (default 1)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scale="${1:-1}"
work="$(mktemp -d)"
chmod 777 "$work"
port=55437
pg_options="-c shared_buffers=256MB -c max_wal_size=4GB"
source "$root/bench/demo-on-pg15.sh"
trap stop_pg15 EXIT
psql() { "$pgbin/psql" -q -X -v ON_ERROR_STOP=1 -h localhost -p "$port" -U postgres "$@"; }

echo "== building"
"$root/mvnw" -q -B -f "$root/pom.xml" -pl validator-service,cli -am install -DskipTests
"$root/mvnw" -q -B -f "$root/pom.xml" -pl validator-service dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test
cp="$(cat "$work/cp.txt"):$root/validator-service/target/classes"
javac -d "$work/classes" -cp "$cp" "$root/bench/landing/LandBench.java"

start_demo_on_pg15

echo "== psql restoring a plain pg_dump (baseline)"
"$pgbin/pg_dump" -h localhost -p "$port" -U postgres lofts > "$work/dump.sql"
psql -d postgres -c "create database restored"
/usr/bin/time -f "psql restore: %e s, peak RSS %M KB" "$pgbin/psql" -q -X -v ON_ERROR_STOP=1 -h localhost -p "$port" \
  -U postgres -d restored -f "$work/dump.sql" > /dev/null 2> "$work/restore.time"
grep "psql restore" "$work/restore.time"

echo "== envclone landing: pre-data schema, batches, post-data schema"
psql -d postgres -c "create database landed"
"$pgbin/pg_dump" -h localhost -p "$port" -U postgres --section=pre-data lofts | psql -d landed > /dev/null
"$pgbin/pg_dump" -h localhost -p "$port" -U postgres --section=post-data lofts > "$work/post.sql"
/usr/bin/time -f "envclone JVM: %e s wall, %U s user, peak RSS %M KB" java -Xmx2g -cp "$cp:$work/classes" LandBench \
  "jdbc:postgresql://localhost:$port/lofts" "jdbc:postgresql://localhost:$port/landed" postgres \
  > "$work/land.out" 2> "$work/land.err" || { tail -20 "$work/land.err"; exit 1; }
grep landing "$work/land.out"
grep "envclone JVM" "$work/land.err"
start=$(date +%s.%N)
psql -d landed -f "$work/post.sql" > /dev/null
post=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
echo "post-data (indexes, constraints, triggers): $post s"
for table in public.users public.messages public.payments audit.audit_log; do
  a=$(psql -d restored -tAc "select count(*) from $table"); b=$(psql -d landed -tAc "select count(*) from $table")
  [[ "$a" == "$b" ]] || { echo "count of $table differs: restored $a, landed $b"; exit 1; }
done
restore=$(grep -o 'psql restore: [0-9.]*' "$work/restore.time" | awk '{print $3}')
land=$(grep -o 'in [0-9.]* s' "$work/land.out" | awk '{print $2}')
echo "ratio envclone landing (batches + post-data) / psql restore: $(awk -v l="$land" -v p="$post" -v r="$restore" \
  'BEGIN { printf "%.2f", (l + p) / r }')"
