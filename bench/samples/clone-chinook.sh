#!/usr/bin/env bash
# ./envclone clone on a database we did not write: Chinook (bench/samples/load-chinook.sh) on a PostgreSQL 15 server
# this script starts, cloned into chinook-test on the same server WITHOUT --rules, so discovery proposes the rules.
# Then, with psql, independently of envclone's own report:
#   - did it finish Ready (the exit code and --output json's phase);
#   - schema parity: pg_dump --schema-only of both, compared;
#   - counts: count(*) of every table of the source against the target's;
#   - leaks: does any source email, phone, fax, full name (FirstName + LastName) or street address of Customer and
#     Employee appear in the target (in the same columns, and anywhere in a data-only dump of the target);
#   - what was kept: how many values of columns that are not personal data came through unchanged.
# Needs root (initdb runs as postgres), /usr/lib/postgresql/15, python3.
# Usage: bench/samples/clone-chinook.sh      (KEEP=1 keeps the work directory; PORT=n, default 55439)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/envclone-chinook.XXXXXX)"
chmod 777 "$work"
port="${PORT:-55439}"
pgbin=/usr/lib/postgresql/15/bin
cleanup() {
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop > /dev/null 2>&1 || true
  if [[ -n "${KEEP:-}" ]]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
unset PGPASSWORD
psql() { "$pgbin/psql" -q -X -v ON_ERROR_STOP=1 -h localhost -p "$port" -U postgres "$@"; }

set -e
echo "== PostgreSQL 15 on $port, Chinook loaded into chinook"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust -U postgres > /dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p $port -c fsync=off" -l "$work/pg.log" start > /dev/null
"$root/bench/samples/load-chinook.sh" "$port" chinook "${CHINOOK_DIR:-${TMPDIR:-/tmp}/envclone-samples/chinook}"
set +e

echo "== ./envclone clone --source .../chinook --target .../chinook-test --allow-same-server --yes (no --rules)"
t0="$(date +%s.%N)"
(cd "$work" && ENVCLONE_STATE_DIR="$work/state" PGPASSWORD= "$root/envclone" clone \
  --source "postgresql://postgres@localhost:$port/chinook" \
  --target "postgresql://postgres@localhost:$port/chinook-test" \
  --allow-same-server --yes --output json > "$work/outcome.json" 2> "$work/stderr")
rc=$?
t1="$(date +%s.%N)"
# the JSON document from its first line opening a "{" (the in-process Kafka may print a line before it)
json_of() { python3 -c 'import sys; t = open(sys.argv[1]).read(); print(t[0 if t.startswith("{") else t.find("\n{") + 1:])' "$1"; }
json_of "$work/outcome.json" > "$work/outcome.only.json" 2>/dev/null
phase="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get("phase"))' "$work/outcome.only.json" 2>/dev/null)"
echo "   exit $rc, phase ${phase:-none}, $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}') s"
echo "-- its progress (stderr):"
sed 's/^/   /' "$work/stderr" | cut -c1-220 | tail -40
echo "-- its outcome (--output json):"
python3 -c 'import json, sys
o = json.load(open(sys.argv[1]))
for k in ("phase", "reason", "reportId", "reportPassed", "rows", "seconds", "refusals"):
    print(f"   {k}: {o.get(k)}")' "$work/outcome.only.json" 2>/dev/null || sed 's/^/   /' "$work/outcome.json"
for report in "$work"/envclone-report-*.md; do
  [[ -f "$report" ]] && { echo "-- its report ($(basename "$report")), first 60 lines:"; head -60 "$report" | sed 's/^/   /'; }
done
if [[ "$phase" != Ready ]]; then
  echo "-- errors in the services' logs:"
  grep -hE 'ERROR|Exception|FATAL' "$work"/state/logs/*.log 2>/dev/null | cut -c1-400 | head -30 | sed 's/^/   /'
  grep -A3 -E 'ERROR' "$work/pg.log" | head -12 | cut -c1-600 | sed 's/^/   pg: /'
fi
if [[ -z "$(psql -d postgres -At -c "select 1 from pg_database where datname = 'chinook-test'")" ]]; then
  echo "== no chinook-test database: nothing to compare"
  exit 1
fi

echo "== schema parity (pg_dump --schema-only, comments and SET lines left out)"
schema() { "$pgbin/pg_dump" -h localhost -p "$port" -U postgres --schema-only --no-owner "$1" \
  | grep -vE '^(--|SET |SELECT pg_catalog.set_config)' | sed '/^$/d'; }
schema chinook > "$work/schema-source.sql"
schema chinook-test > "$work/schema-target.sql"
if diff -u "$work/schema-source.sql" "$work/schema-target.sql" > "$work/schema.diff"; then
  echo "   identical ($(grep -c '' "$work/schema-source.sql") lines)"
else
  echo "   DIFFERENT:"; head -40 "$work/schema.diff" | sed 's/^/   /'
fi
psql -d chinook-test -At -c "select 'schemas in the target: ' || string_agg(nspname, ', ' order by nspname) from pg_namespace
  where nspname not like 'pg\_%' and nspname <> 'information_schema'"

echo "== counts (count(*) of every table of the source)"
tables="$(psql -d chinook -At -c "select format('%I.%I', schemaname, tablename) from pg_tables
  where schemaname not in ('pg_catalog', 'information_schema') order by 1")"
mismatch=0
for t in $tables; do
  s="$(psql -d chinook -At -c "select count(*) from $t")"
  d="$(psql -d chinook-test -At -c "select count(*) from $t" 2>&1)"
  [[ "$s" == "$d" ]] && mark=ok || { mark=DIFFERENT; mismatch=1; }
  printf '   %-28s %8s %8s  %s\n' "$t" "$s" "$d" "$mark"
done
(( mismatch )) && echo "   some counts differ" || echo "   all equal"

echo "== leaks: source personal data found in the target"
# the source's values, into a temporary table of a session on the target
psql -d chinook -c "copy (
    select 'Customer', \"Email\", \"Phone\", \"Fax\", \"FirstName\", \"LastName\", \"Address\" from chinook.\"Customer\"
    union all
    select 'Employee', \"Email\", \"Phone\", \"Fax\", \"FirstName\", \"LastName\", \"Address\" from chinook.\"Employee\")
  to stdout" > "$work/source-pii.tsv"
psql -d chinook-test -P footer=off \
  -c "create temp table src (tab text, email text, phone text, fax text, first text, last text, address text)" \
  -c "\\copy src from '$work/source-pii.tsv'" \
  -c "create temp view tgt as
        select \"Email\" email, \"Phone\" phone, \"Fax\" fax, \"FirstName\" first, \"LastName\" last, \"Address\" address
        from chinook.\"Customer\" union all
        select \"Email\", \"Phone\", \"Fax\", \"FirstName\", \"LastName\", \"Address\" from chinook.\"Employee\"" \
  -c "select 'emails' what, count(*) filter (where email is not null) of_source,
             count(*) filter (where email in (select email from tgt)) found_in_target from src
      union all select 'phones', count(phone), count(*) filter (where phone in (select phone from tgt)) from src
      union all select 'faxes', count(fax), count(*) filter (where fax in (select fax from tgt)) from src
      union all select 'full names', count(*), count(*) filter (where (first, last) in (select first, last from tgt)) from src
      union all select 'first names', count(*), count(*) filter (where first in (select first from tgt)) from src
      union all select 'last names', count(*), count(*) filter (where last in (select last from tgt)) from src
      union all select 'addresses', count(address), count(*) filter (where address in (select address from tgt)) from src" \
  -c "select tab, email, phone, first || ' ' || last as name from src
      where email in (select email from tgt) or phone in (select phone from tgt)
         or (first, last) in (select first, last from tgt) limit 10"
"$pgbin/pg_dump" -h localhost -p "$port" -U postgres --data-only chinook-test > "$work/target-data.sql"
python3 - "$work/source-pii.tsv" "$work/target-data.sql" <<'PY'
import sys
values = set()
for line in open(sys.argv[1], encoding="utf-8"):
    tab, email, phone, fax, first, last, address = line.rstrip("\n").split("\t")
    for v in (email, phone, fax, address):
        if v != "\\N" and len(v) >= 6:
            values.add(v)
data = open(sys.argv[2], encoding="utf-8").read()
found = sorted(v for v in values if v in data)
print(f"   anywhere in the target's data-only dump: {len(found)} of {len(values)} source emails, phones, faxes"
      f" and addresses" + (": " + "; ".join(found[:10]) if found else ""))
PY

echo "== what was kept (values of columns that are not personal data, unchanged)"
for col in 'Artist.Name' 'Album.Title' 'Track.Name' 'Track.Composer' 'Genre.Name' 'Invoice.Total' \
    'Invoice.BillingCity' 'Invoice.BillingCountry' 'Customer.Country' 'Customer.Company' 'Employee.Title'; do
  t="${col%.*}"; c="${col#*.}"
  psql -d chinook -c "copy (select \"${t}Id\" id, \"$c\"::text v from chinook.\"$t\") to stdout" > "$work/kept-src.tsv" 2>/dev/null \
    || psql -d chinook -c "copy (select row_number() over () id, \"$c\"::text v from chinook.\"$t\") to stdout" > "$work/kept-src.tsv"
  psql -d chinook-test -At -P footer=off \
    -c "create temp table k (id bigint, v text)" -c "\\copy k from '$work/kept-src.tsv'" \
    -c "select format('   %-24s %5s of %5s non-null values unchanged', '$col',
               count(*) filter (where t.\"$c\"::text is not distinct from k.v), count(k.v))
        from k join chinook.\"$t\" t on t.\"${t}Id\" = k.id"
done
echo "== done"
