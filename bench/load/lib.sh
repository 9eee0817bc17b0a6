# shellcheck shell=bash
# Helpers of bench/load/run.sh: the servers it starts, wrk runs and how their output is
# read, and the results table. Sourced, never run; the variables it uses are set by run.sh.
# shellcheck disable=SC2154 # (run_dir, results, atelier, bare_axum, database_url: run.sh's)

log() {
    printf '[load %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

die() {
    log "error: $*"
    exit 1
}

# --- The results table ---------------------------------------------------------------
# One row a line in $results: scenario, Atelier's figure, bare axum's, the compared figure,
# the target and whether it was met, separated by tabs.

record() {
    local IFS=$'\t'
    printf '%s\n' "$*" >>"$results"
}

# verdict <value> <op> <bound>: "met" or "MISSED" (op: le, ge, lt, eq), "-" without a value.
verdict() {
    awk -v v="$1" -v op="$2" -v b="$3" 'BEGIN {
        if (v == "" || v == "-") { print "-"; exit }
        ok = (op == "le" && v + 0 <= b + 0) || (op == "ge" && v + 0 >= b + 0) ||
             (op == "lt" && v + 0 < b + 0) || (op == "eq" && v + 0 == b + 0)
        print (ok ? "met" : "MISSED")
    }'
}

# A figure from a load_client output file: the value of "result <key> <value>".
client_figure() {
    awk -v k="$2" '$1 == "result" && $2 == k { print $3 }' "$1" | tail -n 1
}

# ratio_pct <part> <whole>: part as a percentage of whole, one decimal.
ratio_pct() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.1f", 100 * a / b }'
}

print_results() {
    {
        printf 'scenario\tAtelier\tbare axum\tfigure\ttarget\tverdict\n'
        cat "$results"
    } | column -t -s $'\t'
}

# --- Scenarios -----------------------------------------------------------------------

# scenario <name> <function> [args...]: runs one scenario in a subshell of its own (so that
# `set -e` stops it at its first failure); a failure is recorded and the run goes on.
scenario() {
    local name=$1
    shift
    log "scenario: $name"
    "$@" &
    if ! wait "$!"; then
        log "scenario '$name' could not run"
        if [[ -n ${server_pid:-} ]] && ! curl -fs -o /dev/null "$atelier_url/healthz"; then
            log "the server (pid $server_pid) no longer answers: see the end of its log in $run_dir"
        fi
        record "$name" "did not run" "-" "-" "-" "ERROR"
        echo "$name" >>"$run_dir/failed"
    fi
}

# --- wrk -----------------------------------------------------------------------------

# wrk_run <output file> <url> [wrk options...]: the benchmark's usual wrk run, with
# latency percentiles.
wrk_run() {
    local out=$1 url=$2
    shift 2
    wrk -t"$LOAD_THREADS" -c"$LOAD_CONNECTIONS" -d"${LOAD_SECONDS}s" --latency "$@" "$url" >"$out" 2>&1
}

# wrk_figure <wrk output> <rps|p50|p99|requests|bad>: one figure of a wrk run; latencies in
# milliseconds; "bad" counts answers other than 2xx/3xx and socket errors.
wrk_figure() {
    awk -v want="$2" '
        function ms(t) {
            if (t ~ /us$/) return t / 1000
            if (t ~ /ms$/) return t + 0
            if (t ~ /m$/)  return t * 60000
            if (t ~ /s$/)  return t * 1000
            return t + 0
        }
        /^Requests\/sec:/                 { rps = $2 }
        $1 == "50%"                       { p50 = ms($2) }
        $1 == "99%"                       { p99 = ms($2) }
        / requests in /                   { requests = $1 }
        /Non-2xx or 3xx responses:/       { bad += $NF }
        /Socket errors:/                  { gsub(",", ""); bad += $4 + $6 + $8 + $10 }
        END {
            if (want == "rps") printf "%.0f\n", rps
            else if (want == "p50") printf "%.2f\n", p50
            else if (want == "p99") printf "%.2f\n", p99
            else if (want == "requests") print requests + 0
            else if (want == "bad") print bad + 0
        }' "$1"
}

# A wrk run whose every answer must be a success; otherwise it measured something else
# (a refusal, a throttle) and the scenario did not run.
wrk_check() {
    local bad
    bad=$(wrk_figure "$1" bad)
    if [[ $bad != 0 ]]; then
        log "$1: $bad answers were errors or not 2xx/3xx:"
        cat "$1" >&2
        return 1
    fi
}

# http_pair <name> <target share %|-> <path> [wrk options...]: bare axum, then Atelier, on
# the same path with the same options, one right after the other; records both and
# Atelier's share of bare axum's requests per second.
http_pair() {
    local name=$1 target=$2 path=$3
    shift 3
    local slug=${name//[^a-zA-Z0-9]/_}
    local bare="$run_dir/wrk/$slug.bare.txt" ours="$run_dir/wrk/$slug.atelier.txt"
    wrk_run "$bare" "$bare_url$path" "$@"
    wrk_run "$ours" "$atelier_url$path" "$@"
    wrk_check "$bare"
    wrk_check "$ours"
    local share
    share=$(ratio_pct "$(wrk_figure "$ours" rps)" "$(wrk_figure "$bare" rps)")
    local wanted="-" met="-"
    if [[ $target != "-" ]]; then
        wanted="≥ $target %"
        met=$(verdict "$share" ge "$target")
    fi
    record "$name" \
        "$(wrk_figure "$ours" rps) req/s (p50 $(wrk_figure "$ours" p50) ms, p99 $(wrk_figure "$ours" p99) ms)" \
        "$(wrk_figure "$bare" rps) req/s" "$share % of bare" "$wanted" "$met"
}

# --- Processes -----------------------------------------------------------------------

# The server's resident memory in MiB.
rss_mib() {
    awk '/^VmRSS:/ { printf "%.1f\n", $2 / 1024 }' "/proc/$1/status"
}

# wait_for_line <file> <pattern> <seconds>: the first line of a growing file that matches.
wait_for_line() {
    local file=$1 pattern=$2 i
    for ((i = 0; i < $3 * 10; i++)); do
        if grep -m1 -- "$pattern" "$file" 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    return 1
}

# start_server <label>: `atelier serve` on a port of its own, logging at the production
# level into server-<label>.log; sets server_pid and atelier_url once /readyz answers.
start_server() {
    local label=$1 out="$run_dir/server-$1.out" line
    "$atelier" serve >"$out" 2>"$run_dir/server-$label.log" &
    server_pid=$!
    line=$(wait_for_line "$out" "is listening on http://" 60) ||
        die "the server ($label) did not start: see $run_dir/server-$label.log"
    atelier_url=$(sed -E 's|.*listening on (http://[0-9.:]+).*|\1|' <<<"$line")
    local i
    for ((i = 0; i < 300; i++)); do
        if curl -fs -o /dev/null "$atelier_url/readyz"; then
            log "server ($label) ready at $atelier_url, pid $server_pid, $(rss_mib "$server_pid") MiB resident"
            return 0
        fi
        sleep 0.1
    done
    die "the server ($label) never became ready: see $run_dir/server-$label.log"
}

stop_server() {
    if [[ -n ${server_pid:-} ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        wait "$server_pid" || true
    fi
    server_pid=
}

# start_bare: the bare axum handler on a port of its own; sets bare_pid and bare_url.
start_bare() {
    local out="$run_dir/bare-axum.out" line
    "$bare_axum" 127.0.0.1:0 >"$out" 2>&1 &
    bare_pid=$!
    line=$(wait_for_line "$out" "listening on http://" 30) || die "bare axum did not start: see $out"
    bare_url=$(sed -E 's|.*listening on (http://[0-9.:]+).*|\1|' <<<"$line")
    log "bare axum at $bare_url, pid $bare_pid"
}

# --- The database --------------------------------------------------------------------

# sql <statement>: one value from the run's database, whichever it is.
sql() {
    if [[ -n ${pg_database:-} ]]; then
        psql "$database_url" -qAtc "$1"
    else
        sqlite3 -cmd ".timeout 10000" "$run_dir/data/atelier.db" "$1"
    fi
}
