#!/usr/bin/env bash
# Downloads the Chinook sample database (a digital media store: artists, albums, tracks, playlists, invoices,
# customers and employees with names, addresses, phones, faxes and emails, all fictitious) into DIR.
#
# Source: Maven Central, net.hydromatic:chinook-data-hsqldb:0.2 (Julian Hyde, 2022), which packages the Chinook
# data set of Luis Rocha (lerocha/chinook-database) as an HSQLDB script, chinook.script: plain SQL CREATE TABLE,
# ALTER TABLE and INSERT statements, 11 tables, 15,607 rows. bench/samples/load-chinook.sh turns it into
# PostgreSQL. License: Apache License 2.0 (META-INF/LICENSE and META-INF/NOTICE of the jar, copied into DIR);
# the upstream Chinook data set is MIT-licensed.
#
# Maven is the client (the project's ./mvnw), with a local repository of its own inside DIR so the shared
# ~/.m2 is left alone; the first run downloads the dependency plugin there too (a few MB).
# Usage: bench/samples/fetch-chinook.sh DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dest="${1:?usage: $0 DIR}"
version=0.2
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"
if [[ ! -f "$dest/chinook-data-hsqldb-$version.jar" ]]; then
  # In DIR, not in the repository: with no pom.xml there, Maven runs dependency:copy on its standalone project.
  (cd "$dest" && "$root/mvnw" -q -B ${MVN_OFFLINE:-} -Dmaven.repo.local="$dest/m2" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="net.hydromatic:chinook-data-hsqldb:$version:jar" -Dtransitive=false -DoutputDirectory="$dest")
fi
(cd "$dest" && unzip -o -q "chinook-data-hsqldb-$version.jar" chinook.script META-INF/LICENSE META-INF/NOTICE \
  && mv -f META-INF/LICENSE LICENSE && mv -f META-INF/NOTICE NOTICE && rmdir META-INF)
# The script as published in 0.2; a different one would give other counts than the README states.
echo "abb18a0a579c889635cd1002382a197361734aebda188a50815e44dff9530489  $dest/chinook.script" | sha256sum -c --quiet
echo "Chinook $version in $dest (chinook.script, LICENSE, NOTICE)"
