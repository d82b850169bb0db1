#!/usr/bin/env bash
# Whole-process search on the synthetic store against fzf on the same events.
#
# Builds the release binary and the synthetic store (100,000 events by default), writes the same
# events as text lines with `ali-timeline list`, then times, in the same run and alternating,
#   ali-timeline search --data big.ron "gao song"      (load + validate + search + print)
#   fzf --filter "gao song" < lines.txt                (read lines + match + print)
# several times each, and prints the medians and their ratio (target: ratio <= 1.0).
# For context it also times `ali-timeline validate` (loading alone) on the same store.
#
# Usage: bash benches/vs_fzf.sh [EVENTS] [RUNS] [QUERY]
#        (defaults: 100000, 10, "gao song"). Installs fzf with apt-get when it is missing.
set -euo pipefail

events=${1:-100000}
runs=${2:-10}
query=${3:-gao song}

cd "$(dirname "$0")/.."
root=$(pwd)
target=${CARGO_TARGET_DIR:-$root/target}
work="$target/vs_fzf"
mkdir -p "$work"

if ! command -v fzf >/dev/null 2>&1; then
    echo "fzf is missing: installing it with apt-get" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get install -y fzf >&2 || {
        $sudo apt-get update >&2 && $sudo apt-get install -y fzf >&2
    }
fi

echo "building the release binary and the generator ..." >&2
cargo build --release --quiet --bin ali-timeline --example synth

bin="$target/release/ali-timeline"
store="$work/big-$events.ron"
lines="$work/big-$events.txt"
"$target/release/examples/synth" --events "$events" > "$store.partial"
mv "$store.partial" "$store"
"$bin" --data "$store" list > "$lines"

now_ns() { date +%s%N; }

# Times one run of "$@" (output discarded) in nanoseconds.
time_ns() {
    local start end
    start=$(now_ns)
    "$@" > /dev/null
    end=$(now_ns)
    echo $((end - start))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

ours=()
theirs=()
load=()
# One warm-up run of each, so both read the files from the page cache.
"$bin" --data "$store" search "$query" > /dev/null
fzf --filter "$query" < "$lines" > /dev/null
for _ in $(seq "$runs"); do
    ours+=("$(time_ns "$bin" --data "$store" search "$query")")
    theirs+=("$(time_ns fzf --filter "$query" < "$lines")")
    load+=("$(time_ns "$bin" --data "$store" validate)")
done

ours_ms=$(printf '%s\n' "${ours[@]}" | median | awk '{ printf "%.1f", $1 / 1e6 }')
theirs_ms=$(printf '%s\n' "${theirs[@]}" | median | awk '{ printf "%.1f", $1 / 1e6 }')
load_ms=$(printf '%s\n' "${load[@]}" | median | awk '{ printf "%.1f", $1 / 1e6 }')
ratio=$(awk -v a="$ours_ms" -v b="$theirs_ms" 'BEGIN { printf "%.2f", a / b }')

matches_ours=$("$bin" --data "$store" search --limit 1000000 "$query" | wc -l)
matches_fzf=$(fzf --filter "$query" < "$lines" | wc -l)

cat <<EOF
store: $store ($(wc -c < "$store") bytes, $events events); lines: $(wc -l < "$lines")
query: "$query"; $runs runs each, medians (machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))
  ali-timeline search (whole process): $ours_ms ms   ($matches_ours results: people, units, events)
  fzf --filter on the listed events:   $theirs_ms ms   ($matches_fzf lines) [$(fzf --version | cut -d' ' -f1)]
  ali-timeline validate (loading only): $load_ms ms
ratio (ali-timeline / fzf): $ratio   (target <= 1.0)
EOF
