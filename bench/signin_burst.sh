#!/usr/bin/env bash
# A burst of parallel sign-ins against the release binary, and the server's resident memory
# before, during and after it (issue 19: under 256 MB during 50 at once, under 100 MB after).
#
#   cargo build --release -p atelier
#   bench/signin_burst.sh [path/to/atelier]
#
# BURST (default 50) sign-ins start at once, each a curl of its own; PORT (default 18089).
# Anything else in the environment reaches the server too (e.g. GLIBC_TUNABLES, to compare
# allocator settings). The server runs on SQLite in a temporary folder with the sign-in
# throttles raised, so every sign-in is checked; the account is made with `atelier admin
# create`. Prints idle, peak (VmHWM) and later VmRSS, the answers' status codes and the
# median and slowest sign-in.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/target/release/atelier}
burst=${BURST:-50}
port=${PORT:-18089}
email=burst@example.com
password="lantern river quiet harbour"

dir=$(mktemp -d)
server=
cleanup() {
    if [[ -n $server ]]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$dir"
}
trap cleanup EXIT

cat >"$dir/atelier.toml" <<EOF
listen = "127.0.0.1:$port"
data_dir = "$dir/data"
themes_dir = "$root/themes"
tenants_dir = "$root/tenants"
rbac_model = "$root/config/rbac_model.conf"
rbac_policy = "$root/config/rbac_policy.csv"
models = "$root/config/models.json"

[limits]
login_per_ip_per_minute = 1000000
login_per_account_per_hour = 1000000
EOF
export ATELIER_CONFIG=$dir/atelier.toml

ATELIER_ADMIN_PASSWORD=$password "$bin" admin create --email "$email" >/dev/null
RUST_LOG=warn "$bin" serve >"$dir/serve.log" 2>&1 &
server=$!
base=http://127.0.0.1:$port
for _ in $(seq 100); do
    curl -sf -o /dev/null "$base/healthz" && break
    sleep 0.1
done

mb() { awk -v key="$1:" '$1 == key { printf "%.0f", $2 / 1024 }' "/proc/$server/status"; }

# A signed-out visitor's form token (a signed cookie) serves every sign-in of the burst.
page=$(curl -sf -c "$dir/jar" "$base/login")
token=$(grep -o 'name="csrf_token" value="[^"]*"' <<<"$page" | head -n1 | sed 's/.*value="//; s/"$//')
[[ -n $token ]] || { echo "no form token on /login" >&2; exit 1; }
sleep 2
echo "idle:        $(mb VmRSS) MB resident"

seq "$burst" | xargs -P "$burst" -I{} curl -s -o /dev/null -b "$dir/jar" \
    -w '%{http_code} %{time_total}\n' \
    --data-urlencode "csrf_token=$token" --data-urlencode "email=$email" \
    --data-urlencode "password=$password" "$base/login" >"$dir/answers"
echo "peak:        $(mb VmHWM) MB resident (VmHWM)"
echo "just after:  $(mb VmRSS) MB"
sleep 10
echo "10 s after:  $(mb VmRSS) MB"
sleep 50
echo "60 s after:  $(mb VmRSS) MB"

echo "answers:     $(cut -d' ' -f1 "$dir/answers" | sort | uniq -c | xargs)"
sort -n -k2 "$dir/answers" | awk '{ t[NR] = $2 } END {
    printf "sign-in:     median %.0f ms, slowest %.0f ms\n", t[int((NR + 1) / 2)] * 1000, t[NR] * 1000 }'
