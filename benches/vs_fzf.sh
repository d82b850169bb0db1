#!/usr/bin/env bash
# Whole-process search on the synthetic store against fzf on the same events.
#
# Builds the release binary and the synthetic store (100,000 events by default), writes the same
# events as text lines with `ali-timeline list`, then times, in the same run and alternating,
#   ali-timeline search --data big.ron QUERY     (with its search index: the store's key from its
#                                                 stamp, read the index, search, print)
#   fzf --filter QUERY < lines.txt               (read lines + match + print)
#   ali-timeline search, first run               (no cache and no index: load + validate the store,
#                                                 write the index, search, print)
# several times each, and prints the medians, their ratios to fzf (targets: indexed <= 0.5,
# first run <= 2.0) and each one's peak memory (maximum resident set, from /usr/bin/time).
# For context it also times `ali-timeline validate` (loading alone, cache off) on the same store.
# The cache and index go to a directory of their own under target/vs_fzf/ (emptied before each
# first run), unless ALI_TIMELINE_CACHE_DIR is set.
#
# Usage: bash benches/vs_fzf.sh [EVENTS] [RUNS] [QUERY...]
#        (defaults: 100000, 10, "gao song"). Installs fzf with apt-get when it is missing.
set -euo pipefail

events=${1:-100000}
runs=${2:-10}
shift $(($# < 2 ? $# : 2))
queries=("$@")
if [ ${#queries[@]} -eq 0 ]; then queries=("gao song"); fi

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
# A store is stamped (its key remembered, so later searches need not read it) only once it has
# been left alone for 3 seconds: let the one just written settle, as a user's store has.
sleep 3

export ALI_TIMELINE_CACHE_DIR="${ALI_TIMELINE_CACHE_DIR:-$work/cache}"
cache="$ALI_TIMELINE_CACHE_DIR"

now_ns() { date +%s%N; }

# Runs "$@" (output discarded) and prints "<wall ns> <peak KB> <CPU s>" (CPU: user + system,
# which a busy machine disturbs less than the wall time).
measure() {
    local start end
    start=$(now_ns)
    /usr/bin/time -f "%M %U %S" -o "$work/rss" "$@" > /dev/null 2>&1 || true
    end=$(now_ns)
    echo "$((end - start)) $(tail -n 1 "$work/rss" | awk '{ print $1, $2 + $3 }')"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ms() { median | awk '{ printf "%.1f", $1 / 1e6 }'; }
# Peak memory: /usr/bin/time reports KiB; printed in MiB, as the store's size is.
mb() { median | awk '{ printf "%.1f", $1 / 1024 }'; }
cpu() { median | awk '{ printf "%.0f", $1 * 1000 }'; }

echo "store: $store ($(wc -c < "$store") bytes, $(awk -v b="$(wc -c < "$store")" 'BEGIN { printf "%.1f", b / 1048576 }') MiB, the target for the indexed search's peak; $events events); lines: $(wc -l < "$lines")"
echo "$runs runs each, medians; $(nproc) CPUs, load average at start $(cut -d' ' -f1-3 /proc/loadavg); fzf $(fzf --version | cut -d' ' -f1)"
for query in "${queries[@]}"; do
    ours=(); ours_kb=(); ours_cpu=(); theirs=(); theirs_kb=(); theirs_cpu=()
    first=(); first_kb=(); first_cpu=(); load=()
    # One warm-up run of each, so both read the files from the page cache (and the index exists).
    "$bin" --data "$store" search "$query" > /dev/null 2>&1 || true
    fzf --filter "$query" < "$lines" > /dev/null || true
    for _ in $(seq "$runs"); do
        read -r t k c < <(measure "$bin" --data "$store" search "$query")
        ours+=("$t"); ours_kb+=("$k"); ours_cpu+=("$c")
        read -r t k c < <(measure sh -c 'exec fzf --filter "$0" < "$1"' "$query" "$lines")
        theirs+=("$t"); theirs_kb+=("$k"); theirs_cpu+=("$c")
        # The first run and the load are the same work for any query: measured for the first.
        if [ "$query" = "${queries[0]}" ]; then
            rm -rf "$cache"
            read -r t k c < <(measure "$bin" --data "$store" search "$query")
            first+=("$t"); first_kb+=("$k"); first_cpu+=("$c")
            read -r t k c < <(measure env ALI_TIMELINE_CACHE=off "$bin" --data "$store" validate)
            load+=("$t")
        fi
    done
    ours_ms=$(printf '%s\n' "${ours[@]}" | ms)
    theirs_ms=$(printf '%s\n' "${theirs[@]}" | ms)
    ours_c=$(printf '%s\n' "${ours_cpu[@]}" | cpu)
    theirs_c=$(printf '%s\n' "${theirs_cpu[@]}" | cpu)
    ratio=$(awk -v a="$ours_ms" -v b="$theirs_ms" 'BEGIN { printf "%.2f", a / b }')
    cpu_ratio=$(awk -v a="$ours_c" -v b="$theirs_c" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
    matches_ours=$( ("$bin" --data "$store" search --limit 0 "$query" 2>/dev/null || true) | wc -l)
    matches_fzf=$( (fzf --filter "$query" < "$lines" || true) | wc -l)
    echo "query: \"$query\""
    echo "  ali-timeline search, indexed:      $ours_ms ms, CPU $ours_c ms, peak $(printf '%s\n' "${ours_kb[@]}" | mb) MiB ($matches_ours results: people, units, events)"
    echo "  fzf --filter on the listed events: $theirs_ms ms, CPU $theirs_c ms, peak $(printf '%s\n' "${theirs_kb[@]}" | mb) MiB ($matches_fzf lines)"
    echo "  ratio indexed / fzf: $ratio (target <= 0.5); of CPU time: $cpu_ratio"
    if [ ${#first[@]} -eq 0 ]; then continue; fi
    first_ms=$(printf '%s\n' "${first[@]}" | ms)
    first_ratio=$(awk -v a="$first_ms" -v b="$theirs_ms" 'BEGIN { printf "%.2f", a / b }')
    echo "  ali-timeline search, first run:    $first_ms ms, CPU $(printf '%s\n' "${first_cpu[@]}" | cpu) ms, peak $(printf '%s\n' "${first_kb[@]}" | mb) MiB (no cache, no index)"
    echo "  ali-timeline validate, cache off:  $(printf '%s\n' "${load[@]}" | ms) ms (loading only)"
    echo "  ratio first run / fzf: $first_ratio (target <= 2.0)"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
