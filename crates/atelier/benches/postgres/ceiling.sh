#!/usr/bin/env bash
# What PostgreSQL alone can do on this machine with Atelier's per-job SQL, with no
# application in the way: pgbench runs one job's trip per transaction (cycle.sql), the least a
# queue can cost (bare.sql), and four jobs per statement (batch4.sql, two clients, as two
# batching tasks would run; batch4-fair-claims.sql keeps one fair claim per statement),
# PostgreSQL's rounds (round8.sql: eight jobs a transaction, one client, as the one round task
# runs them; again with 10,000 idle users in the tenant, idle-users.sql), and workers draining
# a backlog (backlog.sql, drain.sql).
# See docs/PERFORMANCE.md. Since migration 0010 dropped the claim trigger, only round8.sql's
# claims move turns (as rounds.rs does); the other scripts' figures were taken with the trigger.
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
run() { # $1: label, $2: script, $3: table, $4: clients
    # Jobs that reached "succeeded", per second: a claim that found nothing counts for nothing.
    local out
    if ! out=$(pgbench -n -M prepared -c "$4" -j 2 -T "$seconds" -f "$2" "$base/$db" 2>&1); then
        echo "$out" >&2
        exit 1
    fi
    local done
    done=$(psql -At "$base/$db" -c "select count(*) from $3 where status = 'succeeded'")
    printf '%-44s %6.0f jobs/s\n' "$1" "$(echo "$done / $seconds" | bc -l)"
}

fresh "$migrations"/*.sql "$here/seed.sql"
run "Atelier's SQL, one job per transaction" "$here/cycle.sql" jobs "$clients"
fresh "$migrations"/*.sql "$here/seed.sql"
run "Atelier's SQL, four jobs per statement" "$here/batch4.sql" jobs 2
fresh "$migrations"/*.sql "$here/seed.sql"
run "the same, but one fair claim per statement" "$here/batch4-fair-claims.sql" jobs 2
fresh "$migrations"/*.sql "$here/seed.sql"
run "a round of eight jobs (rounds.rs), one client" "$here/round8.sql" jobs 1
fresh "$migrations"/*.sql "$here/seed.sql" "$here/idle-users.sql"
run "the same, with 10,000 idle users" "$here/round8.sql" jobs 1
fresh "$migrations"/*.sql "$here/seed.sql" "$here/backlog.sql"
run "draining a backlog of 20,000 jobs" "$here/drain.sql" jobs "$clients"
fresh "$here/bare-schema.sql"
run "a bare queue table, one job per transaction" "$here/bare.sql" q "$clients"
