#!/usr/bin/env bash
# The load benchmark from outside (issue 19, "Holds up under real traffic").
#
# Builds and starts the release `atelier serve` on a fresh database with production logging
# (to a file), and measures it from other processes: wrk for requests per second and latency,
# and our own client (crates/atelier/examples/load_client) for what wrk cannot do: seeding
# people over HTTP, thousands of live-status streams held open, jobs per second, a burst of
# sign-ins and keyset pages walked to their end. Every HTTP figure stands beside a bare axum
# handler (crates/atelier/examples/bare_axum.rs, same tokio and axum) measured with the same
# wrk options right before it. docs/PERFORMANCE.md ("Load from outside") has the figures.
#
#   bench/load/run.sh                                     # on SQLite
#   LOAD_POSTGRES_URL=postgres://user:pass@127.0.0.1:5432/postgres bench/load/run.sh
#
# With LOAD_POSTGRES_URL (no query string; its user may CREATE DATABASE) the run creates a
# database of its own on that server and drops it at the end.
#
# Settings, from the environment:
#   LOAD_SECONDS=10            length of each timed wrk run
#   LOAD_CONNECTIONS=50        wrk connections, over LOAD_THREADS=2 threads
#   LOAD_WATCHERS=1000         contest watchers, each watching LOAD_STREAMS_PER_WATCHER=5 jobs
#   LOAD_PRODUCERS=8           people whose jobs are counted per second, each submitting
#   LOAD_JOBS_SECONDS=15         jobs one after another for this long per measurement
#   LOAD_HISTORY_JOBS=20000    jobs of the history user, submitted through the API with wrk
#   LOAD_LOGIN_GETS=20000      cookieless GET /login
#   LOAD_SIGN_INS=50           sign-ins at the same moment
#   LOAD_KEEP=1                keep the run's folder (logs, wrk output, database)
#   TMPDIR                     where the run's folder goes (TMPDIR=/dev/shm keeps it in memory)
#   CARGO_TARGET_DIR           where cargo builds (default: target/ of this repository)
#
# Needs cargo, curl, sqlite3 (psql with PostgreSQL) and wrk; wrk and the others are installed
# with apt-get when missing. The live-status scenario needs LOAD_WATCHERS ×
# LOAD_STREAMS_PER_WATCHER + 1,024 open files (ulimit -n) for the server and the client.
#
# The server is started four times on the same database, each for one group of scenarios,
# so that the memory figures start from a fresh process and are not those of the seeding:
#   1. seeding: people sign up over HTTP (each from an address of their own, as behind a
#      reverse proxy, so no sign-in or sign-up limit is raised) and make their API tokens;
#   2. requests: 20,000 cookieless GET /login (session rows written), the landing page, a
#      signed-in page, the job status endpoint (finished and queued job), job submissions
#      (wrk, then the client up to the history user's 20,000 jobs, all rendered), then the
#      first and last full pages of /history and of the credit history on /account;
#   3. live status: the contest's watchers queue their jobs and open a stream on each, while
#      other people's jobs run; then the status of a queued job behind all of theirs;
#   4. sign-ins: a burst, with the server's memory during and after.
#
# Exit status: 0 when every scenario ran, 1 when one could not (the table says which). A
# missed target is reported in the table, never in the exit status.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=bench/load/lib.sh
source "$here/lib.sh"

: "${LOAD_SECONDS:=10}"
: "${LOAD_CONNECTIONS:=50}"
: "${LOAD_THREADS:=2}"
: "${LOAD_WATCHERS:=1000}"
: "${LOAD_STREAMS_PER_WATCHER:=5}"
: "${LOAD_PRODUCERS:=8}"
: "${LOAD_JOBS_SECONDS:=15}"
: "${LOAD_HISTORY_JOBS:=20000}"
: "${LOAD_LOGIN_GETS:=20000}"
: "${LOAD_SIGN_INS:=50}"

# The two tenants of the run (bench/load writes their files): the crowd's jobs are rendered
# by the embedded workers; the contest renders on workers of its own (use_shared_pool =
# false), none of which runs here, so its jobs stay queued while people watch them.
crowd_host=crowd.localhost
contest_host=contest.localhost

# --- Tools ---------------------------------------------------------------------------

# need <command> <Debian package>: installs the package when the command is missing.
need() {
    command -v "$1" >/dev/null && return 0
    log "installing $2 (for $1)"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get install -y "$2" >&2 ||
        { "${sudo[@]}" apt-get update >&2 && "${sudo[@]}" apt-get install -y "$2" >&2; } ||
        die "cannot install $2; install it and run again"
}

need wrk wrk
need curl curl
need column bsdextrautils
if [[ -n ${LOAD_POSTGRES_URL:-} ]]; then
    need psql postgresql-client
else
    need sqlite3 sqlite3
fi

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$repo/target}
log "building the release binary and the benchmark's examples"
(cd "$repo" && cargo build --release -p atelier --bin atelier --example bare_axum --example load_client)
atelier=$CARGO_TARGET_DIR/release/atelier
bare_axum=$CARGO_TARGET_DIR/release/examples/bare_axum
client=$CARGO_TARGET_DIR/release/examples/load_client

# Thousands of streams: one file per connection, on both sides (both are children of this
# shell and inherit its limit).
streams=$((LOAD_WATCHERS * LOAD_STREAMS_PER_WATCHER))
files_needed=$((streams + 1024))
files_hard=$(ulimit -Hn)
if [[ $files_hard != unlimited ]] && ((files_hard < files_needed)); then
    die "the live-status scenario needs $files_needed open files; the hard limit is $files_hard (raise it, or lower LOAD_WATCHERS)"
fi
if [[ $(ulimit -n) != unlimited ]] && (($(ulimit -n) < files_needed)); then
    ulimit -n "$files_needed"
fi

# --- The run's folder, database and settings --------------------------------------------

run_dir=$(mktemp -d "${TMPDIR:-/tmp}/atelier-load.XXXXXX")
mkdir -p "$run_dir/data" "$run_dir/tenants" "$run_dir/wrk" "$run_dir/cast"
results=$run_dir/results.tsv
: >"$results"
server_pid=
bare_pid=
pg_database=

cleanup() {
    local status=$?
    stop_server
    if [[ -n $bare_pid ]]; then
        kill "$bare_pid" 2>/dev/null || true
    fi
    if [[ -n $pg_database ]]; then
        psql "$LOAD_POSTGRES_URL" -qc "drop database if exists $pg_database with (force)" || true
    fi
    # Kept when asked for, and after a run that did not end well (a signal too), to see why.
    if [[ ${LOAD_KEEP:-0} == 1 || $status -ne 0 || -s $run_dir/failed ]]; then
        log "the run's folder is kept: $run_dir"
    else
        rm -rf "$run_dir"
    fi
}
trap cleanup EXIT
# A signal ends the run through the same clean-up.
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -n ${LOAD_POSTGRES_URL:-} ]]; then
    pg_database=atelier_load_$$
    psql "$LOAD_POSTGRES_URL" -qc "create database $pg_database"
    database_url=${LOAD_POSTGRES_URL%/*}/$pg_database
    backend=PostgreSQL
    database_line="database_url = \"$database_url\""
else
    backend=SQLite
    database_line="# database_url: SQLite, <data_dir>/atelier.db"
fi

cat >"$run_dir/atelier.toml" <<TOML
# Written by bench/load/run.sh: the defaults of config/atelier.toml, except what is said here.
listen = "127.0.0.1:0"
data_dir = "$run_dir/data"
$database_line
themes_dir = "$repo/themes"
tenants_dir = "$run_dir/tenants"
rbac_model = "$repo/config/rbac_model.conf"
rbac_policy = "$repo/config/rbac_policy.csv"
models = "$repo/config/models.json"

[jobs]
# The contest's jobs stay queued for the whole run (they would fail at the deadline).
deadline_secs = 3600
# The history user has up to $LOAD_HISTORY_JOBS jobs in flight after their submissions.
active_per_user = $((LOAD_HISTORY_JOBS + 5000))
# As in the core-loop benchmark; the demo backend draws at once.
embedded_workers = 8
demo_step_ms = 0

[limits]
# Each person of the run comes from an address of their own, as a reverse proxy reports it;
# no sign-in or sign-up limit needs raising.
client_ip_header = "x-forwarded-for"
TOML

cat >"$run_dir/tenants/crowd.toml" <<'TOML'
# The shared pool's tenant: readers, producers and the history user.
slug = "crowd"
[settings]
name = "Crowd Studio"
credit_name = "Credit"
# Enough for every job of the run (the history user's 20,000 included).
signup_bonus = 100000
use_shared_pool = true
TOML

cat >"$run_dir/tenants/contest.toml" <<'TOML'
# A contest with render workers of its own: its jobs stay queued on this node.
slug = "contest"
[settings]
name = "Night Contest"
theme = "noir"
credit_name = "Token"
signup_bonus = 20
use_shared_pool = false
TOML

export ATELIER_CONFIG=$run_dir/atelier.toml
# The run's settings file decides; production logging (the default filter) stays on.
unset ATELIER_LISTEN ATELIER_DATABASE_URL ATELIER_DATA_DIR ATELIER_BASE_DOMAIN \
    ATELIER_PLATFORM_HOST ATELIER_SMTP_URL ATELIER_FORM_KEY RUST_LOG

# --- Scenarios -------------------------------------------------------------------------

# http_pair_checked <name> <target share %|-> <path> [header...]: the path must answer 200
# (a redirect to the sign-in page would measure something else), then bare axum and Atelier.
http_pair_checked() {
    local name=$1 target=$2 path=$3
    shift 3
    local curl_headers=() wrk_headers=() header status
    for header in "$@"; do
        curl_headers+=(-H "$header")
        wrk_headers+=(-H "$header")
    done
    status=$(curl -s -o /dev/null -w '%{http_code}' "${curl_headers[@]}" "$atelier_url$path")
    if [[ $status != 200 ]]; then
        log "$path answered $status, not 200"
        return 1
    fi
    http_pair "$name" "$target" "$path" "${wrk_headers[@]}"
}

record_memory_at_start() {
    record "server started ($1)" "$(rss_mib "$server_pid") MiB resident" "-" "-" "-" "-"
}

seed_people() {
    "$client" --base "$atelier_url" seed --cast "$run_dir/cast" \
        --crowd-host "$crowd_host" --contest-host "$contest_host" \
        --watchers "$LOAD_WATCHERS" --producers "$LOAD_PRODUCERS" | tee "$run_dir/seed.out"
    record "seeding: sign-ups over HTTP, 4 at once" \
        "$(client_figure "$run_dir/seed.out" seed_watcher_signups_per_s) sign-ups/s" "-" "-" "-" "-"
}

# 20,000 visits of the sign-in page without a cookie must not write a session row. wrk
# runs for a time, not a count (a Lua script can stop its threads, not wrk's clock), so it
# runs in rounds of 5 s until enough visits were made.
cookieless_login() {
    local before after written round=0 made=0 out
    before=$(sql "select count(*) from sessions")
    while ((made < LOAD_LOGIN_GETS)); do
        round=$((round + 1))
        out=$run_dir/wrk/login_without_cookie.$round.txt
        wrk -t"$LOAD_THREADS" -c"$LOAD_CONNECTIONS" -d5s -H "Host: $crowd_host" "$atelier_url/login" >"$out" 2>&1
        wrk_check "$out"
        made=$((made + $(wrk_figure "$out" requests)))
    done
    after=$(sql "select count(*) from sessions")
    written=$((after - before))
    record "GET /login without a cookie ×$made" \
        "$(wrk_figure "$out" rps) req/s; $written session rows written" "-" \
        "$written rows" "0 rows" "$(verdict "$written" eq 0)"
}

# Job submissions through the API, timed beside bare axum; they start the history user's
# history, which the client then fills up to LOAD_HISTORY_JOBS through the API.
submissions() {
    local bare=$run_dir/wrk/submissions.bare.txt ours=$run_dir/wrk/submissions.atelier.txt share made
    local headers=(-H "Host: $crowd_host" -H "Authorization: Bearer $HISTORY_TOKEN")
    wrk_run "$bare" "$bare_url/api/v1/jobs" "${headers[@]}" -s "$here/submit_job.lua"
    wrk_run "$ours" "$atelier_url/api/v1/jobs" "${headers[@]}" -s "$here/submit_job.lua"
    wrk_check "$bare"
    wrk_check "$ours"
    share=$(ratio_pct "$(wrk_figure "$ours" rps)" "$(wrk_figure "$bare" rps)")
    made=$(wrk_figure "$ours" requests)
    record "job submissions (POST /api/v1/jobs, $made)" \
        "$(wrk_figure "$ours" rps) req/s (p50 $(wrk_figure "$ours" p50) ms, p99 $(wrk_figure "$ours" p99) ms)" \
        "$(wrk_figure "$bare" rps) req/s" "$share % of bare" "-" "-"
    if ((made < LOAD_HISTORY_JOBS)); then
        "$client" --base "$atelier_url" submit --host "$crowd_host" --token "$HISTORY_TOKEN" \
            --count $((LOAD_HISTORY_JOBS - made))
    fi
}

# page_pair <list> <first page> <last page>: both timed the same way; the last page must
# answer within twice the first page's median.
page_pair() {
    local list=$1 first=$2 last=$3 slug=${1//[^a-zA-Z0-9]/_} path
    local headers=(-H "Host: $crowd_host" -H "Cookie: $HISTORY_COOKIE")
    for path in "$first" "$last"; do
        if [[ $(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "$atelier_url$path") != 200 ]]; then
            log "$path does not answer 200"
            return 1
        fi
    done
    wrk_run "$run_dir/wrk/$slug.first.txt" "$atelier_url$first" "${headers[@]}"
    wrk_run "$run_dir/wrk/$slug.last.txt" "$atelier_url$last" "${headers[@]}"
    wrk_check "$run_dir/wrk/$slug.first.txt"
    wrk_check "$run_dir/wrk/$slug.last.txt"
    local f=$run_dir/wrk/$slug.first.txt l=$run_dir/wrk/$slug.last.txt times
    times=$(awk -v a="$(wrk_figure "$l" p50)" -v b="$(wrk_figure "$f" p50)" 'BEGIN { printf "%.2f", a / b }')
    record "$list: first page" \
        "$(wrk_figure "$f" rps) req/s (p50 $(wrk_figure "$f" p50) ms, p99 $(wrk_figure "$f" p99) ms)" "-" "-" "-" "-"
    record "$list: last full page" \
        "$(wrk_figure "$l" rps) req/s (p50 $(wrk_figure "$l" p50) ms, p99 $(wrk_figure "$l" p99) ms)" "-" \
        "p50 ${times}× the first" "≤ 2×" "$(verdict "$times" le 2)"
}

history_pages() {
    local out=$run_dir/history.out jobs
    "$client" --base "$atelier_url" wait-for-jobs --host "$crowd_host" --token "$HISTORY_TOKEN" \
        --key history | tee "$out"
    "$client" --base "$atelier_url" last-page --host "$crowd_host" --cookie "$HISTORY_COOKIE" \
        --first /history --older "/history?after=" --key history | tee -a "$out"
    "$client" --base "$atelier_url" last-page --host "$crowd_host" --cookie "$HISTORY_COOKIE" \
        --first /account --older "/account?history_after=" --key credit | tee -a "$out"
    jobs=$(client_figure "$out" history_jobs)
    # The last page holds the few rows left over; the one before it is as full as the first.
    page_pair "/history, $jobs jobs ($(client_figure "$out" history_pages) pages)" \
        /history "$(client_figure "$out" history_last_full_page)"
    page_pair "credit history on /account ($(client_figure "$out" credit_pages) pages)" \
        /account "$(client_figure "$out" credit_last_full_page)"
}

live_streams() {
    local out=$run_dir/streams.out
    "$client" --base "$atelier_url" streams --cast "$run_dir/cast" --pid "$server_pid" \
        --crowd-host "$crowd_host" --contest-host "$contest_host" \
        --per-watcher "$LOAD_STREAMS_PER_WATCHER" --jobs-seconds "$LOAD_JOBS_SECONDS" | tee "$out"
    figure() { client_figure "$out" "$1"; }
    local opened
    opened=$(figure streams_opened)
    record "jobs/s of $LOAD_PRODUCERS producers submitting for $LOAD_JOBS_SECONDS s, no stream open" \
        "$(figure jobs_per_s_no_streams) jobs/s ($(figure jobs_no_streams) jobs, $(figure jobs_refused_no_streams) submissions refused)" \
        "-" "-" "-" "-"
    record "jobs/s, same, $opened streams open" \
        "$(figure jobs_per_s_with_streams) jobs/s ($(figure jobs_with_streams) jobs, $(figure jobs_refused_with_streams) submissions refused)" "-" \
        "$(figure jobs_per_s_ratio_pct) % of none open" "≥ 90 %" "$(verdict "$(figure jobs_per_s_ratio_pct)" ge 90)"
    record "opening $opened streams ($(figure streams_failed) failed)" \
        "$(figure streams_open_seconds) s; $(figure streams_ended_by_server) ended by the server while held" \
        "-" "-" "-" "-"
    record "memory with $opened streams open" \
        "$(figure streams_rss_open_mib) MiB idle, peak $(figure streams_rss_peak_mib) MiB with jobs running" "-" \
        "$(figure streams_rss_peak_mib) MiB" "< 150 MiB" "$(verdict "$(figure streams_rss_peak_mib)" lt 150)"
    record "memory after they closed" \
        "$(awk '$1 == "result" && $2 ~ /^streams_closed_/ { s = $2; sub(/^streams_closed_/, "", s); sub(/_mib$/, "", s); printf "%s%s %s", sep, s, $3; sep = " · " }' "$out") MiB" \
        "-" "$(figure streams_closed_60s_mib) MiB at 60 s" "< 60 MiB" "$(verdict "$(figure streams_closed_60s_mib)" lt 60)"
}

sign_in_burst() {
    local out=$run_dir/sign-ins.out
    "$client" --base "$atelier_url" sign-ins --cast "$run_dir/cast" --pid "$server_pid" \
        --contest-host "$contest_host" --count "$LOAD_SIGN_INS" | tee "$out"
    figure() { client_figure "$out" "$1"; }
    record "$LOAD_SIGN_INS sign-ins at once" \
        "$(figure sign_ins_ok) signed in in $(figure sign_ins_seconds) s (p50 $(figure sign_ins_p50_ms) ms, max $(figure sign_ins_max_ms) ms); refused: $(figure sign_ins_refused)" \
        "-" "-" "-" "-"
    record "memory during the sign-ins" "from $(figure sign_ins_rss_before_mib) MiB" "-" \
        "$(figure sign_ins_rss_peak_mib) MiB peak" "< 256 MiB" "$(verdict "$(figure sign_ins_rss_peak_mib)" lt 256)"
    record "memory after the sign-ins" \
        "1 s $(figure sign_ins_after_1s_mib) · 10 s $(figure sign_ins_after_10s_mib) · 30 s $(figure sign_ins_after_30s_mib) MiB" \
        "-" "$(figure sign_ins_after_30s_mib) MiB at 30 s" "< 100 MiB" "$(verdict "$(figure sign_ins_after_30s_mib)" lt 100)"
}

# --- The run ---------------------------------------------------------------------------

log "$backend; the run's folder: $run_dir; $(nproc) cores; $(uptime | sed 's/.*load average/load average/')"
start_bare

start_server seed
seed_people
stop_server
# shellcheck source=/dev/null
source "$run_dir/cast/cast.env"

start_server requests
record_memory_at_start requests
scenario "cookieless GET /login" cookieless_login
scenario "landing page" http_pair_checked "landing page GET /" 10 / "Host: $crowd_host"
scenario "signed-in page" http_pair_checked "signed-in page GET /generate" - /generate \
    "Host: $crowd_host" "Cookie: $READER_COOKIE"
scenario "status of a finished job" http_pair_checked "job status, finished (GET /api/v1/jobs/{id})" 15 \
    "/api/v1/jobs/$FINISHED_JOB" "Host: $crowd_host" "Authorization: Bearer $READER_TOKEN"
scenario "status of a queued job" http_pair_checked "job status, queued alone (GET /api/v1/jobs/{id})" 15 \
    "/api/v1/jobs/$QUEUED_JOB" "Host: $contest_host" "Authorization: Bearer $QUEUED_TOKEN"
scenario "status of a finished job, page JSON" http_pair_checked "job status, finished (GET /jobs/{id}, cookie)" 15 \
    "/jobs/$FINISHED_JOB" "Host: $crowd_host" "Cookie: $READER_COOKIE"
scenario "submissions" submissions
scenario "history pages" history_pages
stop_server

start_server streams
record_memory_at_start streams
scenario "live-status streams" live_streams
scenario "status of a queued job behind the contest" http_pair_checked \
    "job status, queued behind $streams (GET /api/v1/jobs/{id})" 15 \
    "/api/v1/jobs/$QUEUED_JOB" "Host: $contest_host" "Authorization: Bearer $QUEUED_TOKEN"
stop_server

start_server sign-ins
record_memory_at_start sign-ins
scenario "sign-in burst" sign_in_burst
stop_server

echo
echo "Atelier load benchmark, $backend, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$repo" rev-parse --short HEAD)"
echo "$(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), wrk -t$LOAD_THREADS -c$LOAD_CONNECTIONS -d${LOAD_SECONDS}s; memory is VmRSS"
print_results
if [[ -s $run_dir/failed ]]; then
    log "scenarios that could not run: $(paste -sd, "$run_dir/failed")"
    exit 1
fi
