#!/usr/bin/env bash
# The three ways of loading a corpus into Neo4j, measured on one synthetic
# corpus (scripts/gencorpus, fixed seed) on this machine, and the graphs
# they build compared by their counts:
#
#   1. kg ingest CORPUS                          (extraction and load in one process)
#   2. kg-beam (scale/beam, Beam's direct runner) + kg ingest --extracted PARTS
#   3. kg-beam + kg export --extracted DIR PARTS + neo4j-admin database import
#      full + kg schema apply
#
# The corpus is split into files of KG_SCALE_PER_FILE reports (JSON Lines),
# the unit the engine deals to its workers. Each path starts from an empty
# database (the server's store wiped with neo4j.sh reset). The server is
# a private one under bench/out/scale-neo4j (ports 28687/28474), never the
# shared server of port 7687; it is warmed up first and stopped at the end.
# The figures are printed on stdout (and kept in bench/out/scale.txt).
#
# Usage: scripts/bench-scale.sh
# Environment:
#   KG_SCALE_REPORTS  [100000]  reports
#   KG_SCALE_PER_FILE [1000]    reports per input file
#   KG_SCALE_GROUPS   [8]       kg-beam --groups (parts)
#   KG_SCALE_BATCH    [100]     kg ingest --batch-size
#   KG_SCALE_PATHS    [1 2 3]   which paths to measure (the engine runs for 2 and 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${KG_SCALE_REPORTS:-100000}"
PER="${KG_SCALE_PER_FILE:-1000}"
NGROUPS="${KG_SCALE_GROUPS:-8}"
BATCH="${KG_SCALE_BATCH:-100}"
PATHS="${KG_SCALE_PATHS:-1 2 3}"
on() { [[ " $PATHS " == *" $1 "* ]]; }
S1=-; R1=-; G1=-; S2A=-; R2A=-; S2B=-; R2B=-; G2=-; S3A=-; R3A=-; S3B=-; S3C=-; G3=-; PMB=-
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
TMP="$(mktemp -d)"

export KG_NEO4J_HOME="${KG_SCALE_NEO4J_HOME:-$OUT/scale-neo4j}"
export NEO4J_BOLT_PORT="${KG_SCALE_BOLT_PORT:-28687}"
export NEO4J_HTTP_PORT="${KG_SCALE_HTTP_PORT:-28474}"
export NEO4J_URI="neo4j://localhost:$NEO4J_BOLT_PORT"
export NEO4J_USERNAME=neo4j
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-kg-local-password}"
export NEO4J_DATABASE=neo4j

log() { printf 'bench-scale.sh: %s\n' "$*" >&2; }
cleanup() {
  local rc=$?
  rm -rf "$TMP"
  scripts/neo4j.sh stop >/dev/null 2>&1 || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
[[ "$NEO4J_BOLT_PORT" != 7687 ]] || { log "refusing to wipe the server of port 7687"; exit 2; }

log "building kg, kg-beam (scale/beam), gencorpus"
go build -o "$TMP/kg" ./cmd/kg
(cd scale/beam && go build -o "$TMP/kg-beam" .)
go build -o "$TMP/gencorpus" ./scripts/gencorpus

log "generating $N reports in files of $PER"
mkdir -p "$TMP/corpus"
"$TMP/gencorpus" -n "$N" -seed 1 -o "$TMP/corpus.jsonl"
"$TMP/gencorpus" -n 2000 -seed 7 -o "$TMP/warm.jsonl"
sed -i 's/"id":"syn/"id":"warm/' "$TMP/warm.jsonl"
split -l "$PER" -d -a 5 --additional-suffix=.jsonl "$TMP/corpus.jsonl" "$TMP/corpus/c"
rm "$TMP/corpus.jsonl"
MB=$(du -sm "$TMP/corpus" | cut -f1)

if [[ ! -f "$ROOT/.neo4j/lib/.fetched" ]]; then
  KG_NEO4J_HOME="$ROOT/.neo4j" scripts/neo4j.sh fetch
fi
fresh() { # an empty store, server started
  scripts/neo4j.sh reset >/dev/null 2>&1 || true
  mkdir -p "$KG_NEO4J_HOME"
  ln -sfn "$ROOT/.neo4j/lib" "$KG_NEO4J_HOME/lib"
  scripts/neo4j.sh start >/dev/null
}
timed() { /usr/bin/time -f "%e %M" -o "$TMP/time" "$@"; }
secs() { tail -1 "$TMP/time" | cut -d' ' -f1; }
rss() { tail -1 "$TMP/time" | awk '{printf "%.0f", $2/1024}'; }
count() { scripts/neo4j.sh cypher "$1" | sed -n 's/.*"row":\[\([0-9]*\)\].*/\1/p'; }
graph() { echo "$(count 'MATCH (n) RETURN count(n)') nodes, $(count 'MATCH ()-[r]->() RETURN count(r)') relationships"; }
per() { [[ "$1" == - ]] && { echo -; return; }; awk -v n="$N" -v s="$1" 'BEGIN{printf "%.0f", n/s}'; }

fresh
log "warming the server up"
"$TMP/kg" ingest --no-progress "$TMP/warm.jsonl" >/dev/null

# 1. direct
if on 1; then
fresh
log "1. kg ingest of the $N reports"
timed "$TMP/kg" ingest --batch-size "$BATCH" --no-progress "$TMP/corpus" > "$TMP/ingest.txt" 2>&1 || { tail "$TMP/ingest.txt" >&2; exit 1; }
S1=$(secs); R1=$(rss); G1=$(graph)
log "   $S1 s, peak RSS $R1 MB: $G1"
fi

# 2. engine + --extracted
if on 2 || on 3; then
log "2a. kg-beam (direct runner, $NGROUPS groups) extracting them"
timed "$TMP/kg-beam" --runner=direct --input "$TMP/corpus/*.jsonl" --output "$TMP/parts" --kg "$TMP/kg" --groups "$NGROUPS" > "$TMP/beam.txt" 2>&1 || { tail "$TMP/beam.txt" >&2; exit 1; }
S2A=$(secs); R2A=$(rss)
log "   $S2A s, peak RSS $R2A MB"
PMB=$(du -sm "$TMP/parts" | cut -f1)
fi
if on 2; then
fresh
log "2b. kg ingest --extracted of the parts"
timed "$TMP/kg" ingest --extracted --batch-size "$BATCH" --no-progress "$TMP/parts" > "$TMP/ingest2.txt" 2>&1 || { tail "$TMP/ingest2.txt" >&2; exit 1; }
S2B=$(secs); R2B=$(rss); G2=$(graph)
log "   $S2B s, peak RSS $R2B MB: $G2"
fi

# 3. engine + export --extracted + neo4j-admin import
if on 3; then
log "3. kg export --extracted, neo4j-admin database import full, kg schema apply"
timed "$TMP/kg" export --extracted --json "$TMP/export" "$TMP/parts" > "$TMP/export.json"
S3A=$(secs); R3A=$(rss)
log "   export $S3A s, peak RSS $R3A MB"
printf '#!/bin/sh\nNEO4J_HOME="%s" NEO4J_CONF="%s/conf" exec java -cp "%s/*" org.neo4j.cli.AdminTool "$@"\n' \
  "$KG_NEO4J_HOME" "$KG_NEO4J_HOME" "$ROOT/.neo4j/lib" > "$TMP/neo4j-admin"
chmod +x "$TMP/neo4j-admin"
scripts/neo4j.sh stop >/dev/null 2>&1
timed env NEO4J_ADMIN="$TMP/neo4j-admin" sh "$TMP/export/import.sh" --overwrite-destination=true > "$TMP/import.txt" 2>&1 \
  || { tail -20 "$TMP/import.txt" >&2; exit 1; }
S3B=$(secs)
log "   import $S3B s"
scripts/neo4j.sh start >/dev/null 2>&1
if timed "$TMP/kg" schema apply > "$TMP/apply.txt" 2>&1; then
  S3C=$(secs)
else
  S3C="failed after $(secs)"
  log "   kg schema apply failed: $(tail -1 "$TMP/apply.txt" | cut -c1-300)"
fi
G3=$(graph)
log "   schema apply $S3C s: $G3"
fi

{
  echo "kg bench-scale — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, Neo4j heap ${NEO4J_HEAP:-1g}, page cache ${NEO4J_PAGECACHE:-512m}, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "corpus: $N reports (scripts/gencorpus -seed 1) in $(ls "$TMP/corpus" | wc -l) JSON Lines files, $MB MB; parts: $PMB MB"
  printf '1. kg ingest:                           %8s s  %5s reports/s  peak RSS %4s MB   graph: %s\n' "$S1" "$(per "$S1")" "$R1" "$G1"
  printf '2. kg-beam (direct runner, %2d groups):  %8s s  %5s reports/s  peak RSS %4s MB (the runner)\n' "$NGROUPS" "$S2A" "$(per "$S2A")" "$R2A"
  printf '   + kg ingest --extracted:             %8s s  %5s reports/s  peak RSS %4s MB   graph: %s\n' "$S2B" "$(per "$S2B")" "$R2B" "$G2"
  printf '3. kg-beam as in 2, then\n'
  printf '   kg export --extracted:               %8s s  %5s reports/s  peak RSS %4s MB\n' "$S3A" "$(per "$S3A")" "$R3A"
  printf '   + neo4j-admin database import full:  %8s s\n' "$S3B"
  printf '   + kg schema apply:                   %8s s                                    graph: %s\n' "$S3C" "$G3"
} | tee "$OUT/scale.txt"
