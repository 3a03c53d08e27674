#!/usr/bin/env bash
# Loads the Chinook sample database into DATABASE (created when missing; it must hold no schema "chinook") on
# the PostgreSQL server at localhost:PORT, as user postgres with trust authentication, with psql in one
# transaction that stops at the first error.
#
# Source: Maven Central, net.hydromatic:chinook-data-hsqldb:0.2 (fetched by bench/samples/fetch-chinook.sh), the
# Chinook data set of Luis Rocha (lerocha/chinook-database) as an HSQLDB script. License: Apache License 2.0
# (the packaging; the upstream data set is MIT).
#
# The HSQLDB script is plain SQL except for its engine settings, users, grants and \uXXXX escapes; this keeps
# only the CREATE TABLE, ALTER TABLE and INSERT statements of schema "chinook", turns "CREATE MEMORY TABLE"
# into "CREATE TABLE" and the escapes into UTF-8, and adds the foreign keys after the rows. Tables, columns and
# constraints keep their quoted mixed-case names ("chinook"."Customer"."FirstName"), as published: 11 tables,
# 15,607 rows, primary and foreign keys (one self-referencing, Employee.ReportsTo), no sequences. Personal
# data: Customer and Employee (FirstName, LastName, Address, City, State, PostalCode, Phone, Fax, Email,
# Employee.BirthDate), Invoice (Billing* address columns).
# Usage: bench/samples/load-chinook.sh PORT DATABASE [DIR (default: $TMPDIR/envclone-samples/chinook; fetched
#        there when missing)]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${1:?usage: $0 PORT DATABASE [DIR]}"
db="${2:?usage: $0 PORT DATABASE [DIR]}"
dir="${3:-${TMPDIR:-/tmp}/envclone-samples/chinook}"
psql_bin="${PSQL:-/usr/lib/postgresql/15/bin/psql}"
[[ -f "$dir/chinook.script" ]] || "$here/fetch-chinook.sh" "$dir" >&2
psql() { "$psql_bin" -q -X -v ON_ERROR_STOP=1 -h localhost -p "$port" -U postgres "$@"; }

if [[ -z "$(psql -d postgres -At -c "select 1 from pg_database where datname = '${db//\'/\'\'}'")" ]]; then
  psql -d postgres -c "create database \"${db//\"/\"\"}\""
fi
perl -e '
  binmode STDOUT, ":encoding(UTF-8)";
  my @fks;
  print "create schema \"chinook\";\n";
  while (<STDIN>) {
    chomp;
    s/\\u([0-9a-fA-F]{4})/chr(hex $1)/ge;
    if (/^CREATE MEMORY TABLE "chinook"\./) { s/^CREATE MEMORY TABLE/CREATE TABLE/; print "$_;\n"; }
    elsif (/^ALTER TABLE "chinook"\./) { push @fks, "$_;\n"; }
    elsif (/^INSERT INTO "chinook"\./) { print "$_;\n"; }
  }
  print @fks;
  print "analyze;\n";
' < "$dir/chinook.script" | psql -d "$db" -1 -f -
echo "loaded Chinook into $db: $(psql -d "$db" -At -c "select count(*) from information_schema.tables where table_schema = 'chinook'") tables"
