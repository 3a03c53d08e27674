# Sourced by the benchmarks: a PostgreSQL 15 server from the machine's packages (pg_dump 15 cannot read the
# embedded PostgreSQL 17) in "$work/pg" on "$port", stopped when the script exits, with the demo database
# "lofts" at scale "$scale". Needs: root, work, port, scale; sets pgbin. Extra server options in $pg_options.
pgbin=/usr/lib/postgresql/15/bin
stop_pg15() {
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
}
start_demo_on_pg15() {
  echo "== PostgreSQL 15 and the demo database at scale $scale"
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p $port -c fsync=off ${pg_options:-}" -l "$work/pg.log" \
    start >/dev/null
  runuser -u postgres -- "$pgbin/createdb" -p "$port" -h localhost -U postgres lofts
  "$root/envclone" generate-demo --database-url "jdbc:postgresql://localhost:$port/lofts" --user postgres --scale "$scale" \
    --no-keep-running | tail -1
}
