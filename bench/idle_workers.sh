#!/usr/bin/env bash
# What a fleet of idle remote workers costs the server: `atelier serve` (release, production
# logging, no embedded worker, SQLite) first alone for IDLE_SECONDS, then with IDLE_WORKERS
# workers long-polling the worker API with nothing to do for as long; the server's CPU time
# and resident memory come from /proc (crates/atelier/examples/idle_workers.rs).
#
#   bench/idle_workers.sh              # 200 workers, 60 s
#   IDLE_WORKERS=500 bench/idle_workers.sh
#
# Target (docs/PERFORMANCE.md): 200 idle workers cost under 5 % of one core and 50 MB.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
: "${IDLE_WORKERS:=200}"
: "${IDLE_SECONDS:=60}"
: "${CARGO_TARGET_DIR:=$repo/target}"
export CARGO_TARGET_DIR

log() { printf '[idle %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

(cd "$repo" && cargo build --release -p atelier --bin atelier --example idle_workers)
atelier=$CARGO_TARGET_DIR/release/atelier
client=$CARGO_TARGET_DIR/release/examples/idle_workers

run_dir=$(mktemp -d "${TMPDIR:-/tmp}/atelier-idle.XXXXXX")
server_pid=
cleanup() {
    if [[ -n $server_pid ]]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" || true; fi
    rm -rf "$run_dir"
}
trap cleanup EXIT

cat >"$run_dir/atelier.toml" <<TOML
data_dir = "$run_dir/data"
themes_dir = "$repo/themes"
tenants_dir = "$repo/tenants"
rbac_model = "$repo/config/rbac_model.conf"
rbac_policy = "$repo/config/rbac_policy.csv"
models = "$repo/config/models.json"

[jobs]
embedded_workers = 0
TOML
database_url="sqlite://$run_dir/data/atelier.db"
mkdir -p "$run_dir/data"

RUST_LOG=info ATELIER_CONFIG=$run_dir/atelier.toml ATELIER_DATABASE_URL=$database_url \
    "$atelier" serve --listen 127.0.0.1:0 >"$run_dir/server.out" 2>"$run_dir/server.log" &
server_pid=$!
for _ in $(seq 1 600); do
    grep -q "is listening on http://" "$run_dir/server.out" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -nE 's|.*listening on (http://[0-9.:]+).*|\1|p' "$run_dir/server.out")
[[ -n $url ]] || { log "the server did not start: $(cat "$run_dir/server.log")"; exit 1; }
log "server at $url, pid $server_pid"

ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
rss() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$server_pid/status"; }

sleep 5
before=$(ticks)
sleep "$IDLE_SECONDS"
alone_cpu=$(awk -v a="$before" -v b="$(ticks)" -v s="$IDLE_SECONDS" 'BEGIN { printf "%.2f", (b - a) / s }')
alone_rss=$(rss)
log "alone: ${alone_cpu} % of one core, ${alone_rss} MiB"

"$client" --database "$database_url" --server "$url" --pid "$server_pid" \
    --workers "$IDLE_WORKERS" --seconds "$IDLE_SECONDS" | tee "$run_dir/client.out"
with_cpu=$(awk '$2 == "cpu_percent_of_one_core" { print $3 }' "$run_dir/client.out")
with_rss=$(awk '$2 == "rss_peak_mib" { print $3 }' "$run_dir/client.out")

printf '\nserver alone:             %s %% of one core, %s MiB resident\n' "$alone_cpu" "$alone_rss"
printf 'with %s idle workers:    %s %% of one core, %s MiB resident (peak)\n' "$IDLE_WORKERS" "$with_cpu" "$with_rss"
awk -v a="$alone_cpu" -v b="$with_cpu" -v r="$alone_rss" -v p="$with_rss" \
    'BEGIN { printf "the workers cost:         %.2f %% of one core, %.1f MiB\n", b - a, p - r }'
