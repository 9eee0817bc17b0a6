#!/usr/bin/env bash
# What PostgreSQL alone can do on this machine with Atelier's per-job SQL, with no
# application in the way: pgbench runs one job's trip per transaction (cycle.sql), the least a
# queue can cost (bare.sql), and four jobs per statement (batch4.sql, two clients, as two
# batching tasks would run). See docs/PERFORMANCE.md.
#
# Usage: crates/atelier/benches/postgres/ceiling.sh postgres://user:password@host:port/postgres
# (a role that may create databases). Knobs: CLIENTS (8), SECONDS_EACH (12).
set -euo pipefail
url=${1:?usage: ceiling.sh postgres://user:password@host:port/postgres}
here=$(cd "$(dirname "$0")" && pwd)
migrations="$here/../../../../migrations/postgres"
clients=${CLIENTS:-8}
seconds=${SECONDS_EACH:-12}
db="atelier_ceiling_$$"
base=${url%/*}
trap 'psql -q "$url" -c "drop database if exists $db with (force)" >/dev/null 2>&1 || true' EXIT

fresh() { # $1: files to load into a new, empty database
    psql -q "$url" -c "drop database if exists $db with (force)" >/dev/null 2>&1
    psql -q "$url" -c "create database $db" >/dev/null
    for f in "$@"; do psql -q -v ON_ERROR_STOP=1 "$base/$db" -f "$f" >/dev/null; done
}
run() { # $1: label, $2: script, $3: jobs per transaction, $4: clients
    local tps
    tps=$(pgbench -n -M prepared -c "$4" -j 2 -T "$seconds" -f "$2" "$base/$db" 2>&1 \
        | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    printf '%-44s %6.0f jobs/s\n' "$1" "$(echo "$tps * $3" | bc -l)"
}

fresh "$migrations"/*.sql "$here/seed.sql"
run "Atelier's SQL, one job per transaction" "$here/cycle.sql" 1 "$clients"
fresh "$migrations"/*.sql "$here/seed.sql"
run "Atelier's SQL, four jobs per statement" "$here/batch4.sql" 4 2
fresh "$here/bare-schema.sql"
run "a bare queue table, one job per transaction" "$here/bare.sql" 1 "$clients"
