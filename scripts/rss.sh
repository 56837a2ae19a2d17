#!/usr/bin/env bash
# Resident memory of the TUI (a release build) in a 100x30 tmux pane:
#   1. idle on the embedded simulator (`gc-attrs --sim`, the picker shown);
#   2. holding one participant of N attributes (default 10,000; 64-character
#      values, as in the benches), served by a standalone `gc-attrs sim
#      --fixtures`, after the form, a few cursor keys and a scroll of the
#      payload pane have been drawn.
# Prints VmRSS (resident now) and VmHWM (the peak) of the TUI process.
#
#   cargo build --release && scripts/rss.sh [N]
#
# Needs tmux and python3. Everything runs on loopback and stops by itself.
set -euo pipefail

n=${1:-10000}
bin=${BIN:-target/release/gc-attrs}
work=$(mktemp -d)
session=gc-attrs-rss-$$
sim_pid=
cleanup() {
    tmux kill-session -t "$session" 2>/dev/null || true
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

conversation=5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f
participant=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
mkdir -p "$work/fixtures" "$work/config"
python3 - "$n" "$conversation" "$participant" > "$work/fixtures/big.json" <<'EOF'
import json, sys
n, conversation, participant = int(sys.argv[1]), sys.argv[2], sys.argv[3]
attributes = {f"attribute{i:05}": f"{i:08}-" + "v" * 55 for i in range(n)}
print(json.dumps({
    "id": conversation,
    "startTime": "2026-12-01T09:00:00.000Z",
    "participants": [{
        "id": participant,
        "purpose": "customer",
        "name": "Big Customer",
        "attributes": attributes,
    }],
}))
EOF

export GC_ATTRS_CONFIG_DIR="$work/config"

# Waits (at most 60 s) until the pane shows a text.
wait_for() {
    for _ in $(seq 600); do
        if tmux capture-pane -p -t "$session" | grep -q -- "$1"; then
            return 0
        fi
        sleep 0.1
    done
    echo "the screen never showed '$1':" >&2
    tmux capture-pane -p -t "$session" >&2
    return 1
}

memory() {
    local pid
    pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')
    awk -v what="$1" '/^VmRSS|^VmHWM/ { v[$1] = $2 } END {
        printf "%-44s VmRSS %6.1f MB   VmHWM %6.1f MB\n", what, v["VmRSS:"] / 1024, v["VmHWM:"] / 1024 }' \
        "/proc/$pid/status"
}

keys() {
    for key in "$@"; do
        tmux send-keys -t "$session" "$key"
        sleep 0.3
    done
}

# 1. Idle on the embedded simulator.
tmux new-session -d -s "$session" -x 100 -y 30 "exec $bin --sim"
wait_for "conversation"
sleep 1
memory "idle on the embedded simulator (picker)"
tmux kill-session -t "$session"

# 2. A participant of N attributes from a standalone simulator.
"$bin" sim --listen 127.0.0.1:0 --fixtures "$work/fixtures" > "$work/sim.out" 2>&1 &
sim_pid=$!
base=
for _ in $(seq 300); do
    base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/sim.out" | head -1 || true)
    [ -n "$base" ] && break
    sleep 0.1
done
[ -n "$base" ] || { cat "$work/sim.out" >&2; exit 1; }
tmux new-session -d -s "$session" -x 100 -y 30 \
    "GENESYSCLOUD_OAUTHCLIENT_ID=demo-client GENESYSCLOUD_OAUTHCLIENT_SECRET=demo-secret exec $bin --region $base --conversation $conversation --participant $participant"
wait_for "keys ·" || { cat "$work/sim.out" >&2; exit 1; }
keys Down Down Down Tab PageDown PageDown Up
sleep 1
memory "holding $n attributes (form, payload drawn)"
