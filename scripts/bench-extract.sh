#!/usr/bin/env bash
# Extraction throughput, start-up time and peak memory, printed as figures
# and written to bench/out/extract.txt.
#
#   gse Cut (HMM) alone vs the whole pipeline, one core  (go test -bench, MB/s)
#   the ratio of the two (the bar: 1.5), against gse on kg's loading of its
#   dictionary and against gse as shipped (gse.NewEmbed), and each stage's
#   share (BenchmarkStages)
#   kg extract end to end on the corpus split into reports, 1 and 2 workers
#   start-up: kg extract on a one-line report (dictionary loading included)
#   peak RSS of each run (/usr/bin/time)
#
# Usage: [ROUNDS=3] scripts/bench-extract.sh [CORPUS]   (default: ../shared/corpus/pd199801.txt)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CORPUS="${1:-$ROOT/../shared/corpus/pd199801.txt}"
[[ -r "$CORPUS" ]] || { echo "bench-extract: no corpus at $CORPUS" >&2; exit 1; }
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

go build -o "$TMP/kg" ./cmd/kg

# the corpus as JSON Lines, 20 lines a report
awk 'BEGIN{n=0; id=0; buf=""}
     { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, " "); buf = buf $0 "\\n"; n++
       if (n == 20) { printf "{\"id\":\"pd%05d\",\"date\":\"1998-01-15\",\"text\":\"%s\"}\n", id++, buf; buf=""; n=0 } }
     END { if (n > 0) printf "{\"id\":\"pd%05d\",\"date\":\"1998-01-15\",\"text\":\"%s\"}\n", id++, buf }' \
  "$CORPUS" > "$TMP/corpus.jsonl"
REPORTS=$(wc -l < "$TMP/corpus.jsonl")
BYTES=$(wc -c < "$CORPUS")
MB=$(awk -v b="$BYTES" 'BEGIN{printf "%.2f", b/1e6}')

measure() { # label, workers → prints seconds and peak RSS
  local label=$1 workers=$2
  /usr/bin/time -f "%e %M" -o "$TMP/time" "$TMP/kg" extract -j "$workers" "$TMP/corpus.jsonl" > /dev/null
  read -r secs rss < "$TMP/time"
  awk -v l="$label" -v s="$secs" -v r="$rss" -v mb="$MB" -v n="$REPORTS" \
    'BEGIN{printf "%-34s %7.2f s  %6.2f MB/s  %7.0f reports/s  peak RSS %4.0f MB\n", l, s, mb/s, n/s, r/1024}'
}

{
  echo "kg extraction benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(go version | cut -d' ' -f3)"
  echo "corpus: $CORPUS ($MB MB, $REPORTS reports of 20 lines)"
  echo
  echo "go test -bench (one core; each benchmark in a process of its own, its dictionaries loaded once):"
  # each benchmark in a process of its own (another's dictionaries would
  # slow its collections), interleaved, ROUNDS times: the machine is shared,
  # so each figure is the fastest round (noise only ever adds)
  (cd nlp/pipeline && go test -c -o "$TMP/pipeline.test" .)
  for round in $(seq "${ROUNDS:-3}"); do
    for b in BenchmarkExtract BenchmarkGseCut BenchmarkGseCutStock; do
      (cd nlp/pipeline && "$TMP/pipeline.test" -test.run '^$' -test.bench "^$b\$" -test.benchtime 2x -test.cpu 1 2>&1) | grep -E "^$b\b" >> "$TMP/bench"
    done
  done
  (cd nlp/pipeline && "$TMP/pipeline.test" -test.run '^$' -test.bench '^BenchmarkStages$' -test.benchtime 2x -test.cpu 1 2>&1) | grep -E '^BenchmarkStages' >> "$TMP/bench"
  awk '$1 ~ /^Benchmark(Extract|GseCut|GseCutStock)$/ { if (!($1 in min) || $3 < min[$1]) min[$1] = $3; n[$1]++ }
       END { x = min["BenchmarkExtract"]; g = min["BenchmarkGseCut"]; s = min["BenchmarkGseCutStock"]
             printf "fastest of %d rounds: whole pipeline %.2f s, gse Cut+HMM on kg'"'"'s loading of its dictionary %.2f s, gse as shipped (gse.NewEmbed + Cut) %.2f s\n", n["BenchmarkExtract"], x/1e9, g/1e9, s/1e9
             if (g > 0) printf "ratio against gse on kg'"'"'s loading %.2f, against gse as shipped %.2f (bar: 1.5)\n", x/g, x/s }' "$TMP/bench"
  echo "stages' shares of the pipeline's time (BenchmarkStages):"
  awk '$1 ~ /^BenchmarkStages/ { for (i = 7; i < NF; i += 2) printf "  %-22s %5.1f%%\n", substr($(i+1), 1, length($(i+1)) - 2), $i }' "$TMP/bench"
  echo
  echo "kg extract end to end (process start, reading, JSON output included):"
  measure "1 worker" 1
  measure "2 workers" 2
  [[ $(nproc) -gt 2 ]] && measure "$(nproc) workers" "$(nproc)"
  echo 'X' > "$TMP/one.txt"
  for i in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$TMP/time" "$TMP/kg" extract "$TMP/one.txt" > /dev/null
    read -r secs rss < "$TMP/time"
    echo "start-up (one tiny report), run $i:  ${secs} s, peak RSS $((rss / 1024)) MB (bar: 0.5 s)"
  done
} | tee "$OUT/extract.txt"
