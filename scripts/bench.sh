#!/usr/bin/env bash
# kg's performance figures in one run, printed and written to
# bench/out/bench.txt:
#
#   extraction on ../shared/corpus/pd199801.txt: MB/s and reports/s on one
#     core and on all cores, start-up time, peak RSS (scripts/bench-extract.sh)
#   a synthetic corpus of $KG_BENCH_REPORTS (10000) genre-like reports
#     (scripts/gencorpus, fixed seed): extraction time and peak RSS
#   load throughput into Neo4j (scripts/benchload: the loader alone, timed
#     around its transactions): relationships/s and reports/s
#   the server's CPU time during that load, and its bare creation rates on
#     this machine: 100,000 relationships created with nothing to look up
#     and no constraint to check, in transactions of 5,000, between new
#     nodes, from an existing node to a new one, and between existing nodes
#   end to end: `kg ingest` of the same reports into an empty database, wall
#     time and peak RSS
#   bulk: `kg export` of the same reports (time, peak RSS, disk), then
#     neo4j-admin database import full and kg schema apply (times)
#
# The database work runs on a private Neo4j started with scripts/neo4j.sh
# under bench/out/neo4j (ports $KG_BENCH_BOLT_PORT/$KG_BENCH_HTTP_PORT,
# default 27687/27474), never on the shared server of port 7687: the bench
# wipes its database between runs. The JVM is warmed up with another
# synthetic corpus first, and the server is stopped at the end
# (KG_BENCH_KEEP=1 leaves it running).
#
# Usage: scripts/bench.sh [CORPUS]   (default: ../shared/corpus/pd199801.txt)
# Environment:
#   KG_BENCH_REPORTS     [10000]  synthetic reports
#   KG_BENCH_BATCH       [100]    reports per batch (kg ingest --batch-size)
#   KG_BENCH_SKIP_EXTRACT [unset] set to 1 to skip the pd199801 extraction figures
#   KG_BENCH_BOLT_PORT / KG_BENCH_HTTP_PORT [27687/27474]
#   KG_BENCH_KEEP        [unset]  leave the private server running
#   KG_BENCH_SKIP_EXPORT [unset]  set to 1 to skip the export/import figures
#   KG_BENCH_KG, KG_BENCH_BENCHLOAD [built from this tree]  other binaries
#                        (e.g. built from an older commit, for before/after)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CORPUS="${1:-$ROOT/../shared/corpus/pd199801.txt}"
N="${KG_BENCH_REPORTS:-10000}"
BATCH="${KG_BENCH_BATCH:-100}"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
TMP="$(mktemp -d)"

export KG_NEO4J_HOME="$OUT/neo4j"
export NEO4J_BOLT_PORT="${KG_BENCH_BOLT_PORT:-27687}"
export NEO4J_HTTP_PORT="${KG_BENCH_HTTP_PORT:-27474}"
export NEO4J_URI="neo4j://localhost:$NEO4J_BOLT_PORT"
export NEO4J_USERNAME=neo4j
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-kg-local-password}"
export NEO4J_DATABASE=neo4j

log() { printf 'bench.sh: %s\n' "$*" >&2; }
cleanup() {
  local rc=$?
  rm -rf "$TMP"
  if [[ -z "${KG_BENCH_KEEP:-}" ]]; then scripts/neo4j.sh stop >/dev/null 2>&1 || true; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[[ "$NEO4J_BOLT_PORT" != 7687 ]] || { log "refusing to wipe the server of port 7687"; exit 2; }

# --- build --------------------------------------------------------------------
log "building kg, gencorpus, benchload"
go build -o "$TMP/kg" ./cmd/kg
go build -o "$TMP/gencorpus" ./scripts/gencorpus
go build -o "$TMP/benchload" ./scripts/benchload
[[ -z "${KG_BENCH_KG:-}" ]] || cp "$KG_BENCH_KG" "$TMP/kg"
[[ -z "${KG_BENCH_BENCHLOAD:-}" ]] || cp "$KG_BENCH_BENCHLOAD" "$TMP/benchload"

# --- the private server --------------------------------------------------------
# The jars of the default home are shared; data, logs and config are the bench's.
if [[ ! -f "$ROOT/.neo4j/lib/.fetched" ]]; then
  KG_NEO4J_HOME="$ROOT/.neo4j" scripts/neo4j.sh fetch
fi
mkdir -p "$KG_NEO4J_HOME"
ln -sfn "$ROOT/.neo4j/lib" "$KG_NEO4J_HOME/lib"
scripts/neo4j.sh reset >/dev/null 2>&1 || true
scripts/neo4j.sh start >&2

cypher() { scripts/neo4j.sh cypher "$1" >/dev/null; }
# Empties the database in batches (the schema stays).
# Relationships go first, so that no transaction deletes a hub's thousands.
wipe() {
  must 'MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS'
  must 'MATCH (n) WHERE NOT n:__KgMigration CALL { WITH n DELETE n } IN TRANSACTIONS OF 10000 ROWS'
}
# Runs a statement, failing the bench when the server reports an error.
must() {
  local out
  out="$(scripts/neo4j.sh cypher "$1")"
  [[ "$out" == *'"errors":[]'* ]] || { log "statement failed: ${out:0:300}"; exit 1; }
}
# CPU seconds (user + system) the server has used so far.
server_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$(cat "$KG_NEO4J_HOME/run/neo4j.pid")/stat"
}
# Relationships per second of a statement that creates 100,000 of them.
rate() {
  local t0; t0=$(date +%s.%N)
  must "$1"
  awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.0f", 100000/(b-a)}'
}
relcount() {
  scripts/neo4j.sh cypher 'MATCH ()-[r]->() RETURN count(r)' | sed -n 's/.*"row":\[\([0-9]*\)\].*/\1/p'
}
# seconds and peak RSS (MB) of a command: "$TMP/time" holds "%e %M"
timed() { /usr/bin/time -f "%e %M" -o "$TMP/time" "$@"; }
secs() { cut -d' ' -f1 "$TMP/time"; }
rss() { awk '{printf "%.0f", $2/1024}' "$TMP/time"; }

# --- synthetic corpus ----------------------------------------------------------
log "generating $N synthetic reports"
"$TMP/gencorpus" -n "$N" -seed 1 -o "$TMP/corpus.jsonl"
"$TMP/gencorpus" -n 2000 -seed 7 -o "$TMP/warm.jsonl"
sed -i 's/"id":"syn/"id":"warm/' "$TMP/warm.jsonl"
BYTES=$(wc -c < "$TMP/corpus.jsonl")
log "extracting them"
timed "$TMP/kg" extract "$TMP/corpus.jsonl" > "$TMP/x.jsonl"
XSECS=$(secs); XRSS=$(rss)
RELS=$(grep -o '"from":"' "$TMP/x.jsonl" | wc -l)

# --- load ----------------------------------------------------------------------
log "warming the server up"
"$TMP/kg" schema apply >/dev/null
"$TMP/kg" extract "$TMP/warm.jsonl" > "$TMP/warm.x.jsonl"
"$TMP/benchload" -x "$TMP/warm.x.jsonl" -corpus "$TMP/warm.jsonl" -batch "$BATCH" >/dev/null
wipe
log "the server's bare creation rates (100,000 relationships in transactions of 5,000)"
CEIL_NEW=$(rate 'UNWIND range(1, 100000) AS i CALL { WITH i CREATE (:KgBenchA {k: i})-[:KG_BENCH {k: i}]->(:KgBenchB {k: i}) } IN TRANSACTIONS OF 5000 ROWS')
must 'UNWIND range(1, 1000) AS i CREATE (:KgBenchHub {k: i})'
CEIL_HUB=$(rate 'MATCH (h:KgBenchHub) WITH collect(h) AS hubs UNWIND range(1, 100000) AS i CALL { WITH hubs, i WITH hubs[i % 1000] AS a, i CREATE (a)-[:KG_BENCH {k: i}]->(:KgBenchB {k: i}) } IN TRANSACTIONS OF 5000 ROWS')
CEIL_REL=$(rate 'MATCH (h:KgBenchHub) WITH collect(h) AS hubs UNWIND range(1, 100000) AS i CALL { WITH hubs, i WITH hubs[i % 1000] AS a, hubs[(i * 7 + 3) % 1000] AS b, i CREATE (a)-[:KG_BENCH {k: i}]->(b) } IN TRANSACTIONS OF 5000 ROWS')
wipe
log "loading $N reports (the loader alone)"
CPU0=$(server_cpu)
"$TMP/benchload" -x "$TMP/x.jsonl" -corpus "$TMP/corpus.jsonl" -batch "$BATCH" -json > "$TMP/load.json"
LCPU=$(awk -v a="$CPU0" -v b="$(server_cpu)" 'BEGIN{printf "%.1f", b-a}')
field() { sed -n "s/.*\"$2\":\([0-9.]*\).*/\1/p" "$1"; }
LREPORTS=$(field "$TMP/load.json" reports); LSECS=$(field "$TMP/load.json" seconds)
LRELS=$(field "$TMP/load.json" relationships_per_second); LREPS=$(field "$TMP/load.json" reports_per_second)
LRELSN=$(field "$TMP/load.json" relationships_created); LNODES=$(field "$TMP/load.json" nodes_created)
GRAPH_RELS=$(relcount)

log "again: re-ingesting the same reports (all unchanged)"
"$TMP/benchload" -x "$TMP/x.jsonl" -corpus "$TMP/corpus.jsonl" -batch "$BATCH" -json > "$TMP/reload.json"
RSECS=$(field "$TMP/reload.json" seconds)

# --- end to end ----------------------------------------------------------------
wipe
log "kg ingest of the $N reports into the empty database"
timed "$TMP/kg" ingest --batch-size "$BATCH" --no-progress "$TMP/corpus.jsonl" > "$TMP/ingest.txt" 2>&1 || { cat "$TMP/ingest.txt" >&2; exit 1; }
ISECS=$(secs); IRSS=$(rss)
IREPS=$(awk -v n="$N" -v s="$ISECS" 'BEGIN{printf "%.0f", n/s}')

# --- bulk: export, neo4j-admin import, schema ------------------------------------
if [[ -z "${KG_BENCH_SKIP_EXPORT:-}" ]] && "$TMP/kg" export --help >/dev/null 2>&1; then
  log "kg export of the $N reports, neo4j-admin import, kg schema apply"
  timed "$TMP/kg" export --json "$TMP/export" "$TMP/corpus.jsonl" > "$TMP/export.json"
  ESECS=$(secs); ERSS=$(rss)
  ESPILL=$(field "$TMP/export.json" spill_bytes); ERELS=$(field "$TMP/export.json" relationships)
  EBYTES=$(du -sb "$TMP/export" | cut -f1)
  printf '#!/bin/sh
NEO4J_HOME="%s" NEO4J_CONF="%s/conf" exec java -cp "%s/*" org.neo4j.cli.AdminTool "$@"
' \
    "$KG_NEO4J_HOME" "$KG_NEO4J_HOME" "$ROOT/.neo4j/lib" > "$TMP/neo4j-admin"
  chmod +x "$TMP/neo4j-admin"
  scripts/neo4j.sh stop >/dev/null 2>&1
  timed env NEO4J_ADMIN="$TMP/neo4j-admin" sh "$TMP/export/import.sh" --overwrite-destination=true > "$TMP/import.txt" 2>&1 \
    || { tail -20 "$TMP/import.txt" >&2; exit 1; }
  ISECS2=$(secs)
  scripts/neo4j.sh start >/dev/null 2>&1
  timed "$TMP/kg" schema apply >/dev/null
  SSECS=$(secs)
  IMPORT_RELS=$(relcount)
fi

# --- extraction on the People's Daily corpus -----------------------------------
if [[ -z "${KG_BENCH_SKIP_EXTRACT:-}" && -r "$CORPUS" ]]; then
  log "extraction figures on $CORPUS"
  scripts/bench-extract.sh "$CORPUS" > "$TMP/extract.txt"
fi

{
  echo "kg benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(go version | cut -d' ' -f3), Neo4j $(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' scripts/neo4j/pom.xml) (heap ${NEO4J_HEAP:-1g}, page cache ${NEO4J_PAGECACHE:-512m}), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  if [[ -s "$TMP/extract.txt" ]]; then
    sed -n '2,$p' "$TMP/extract.txt"
    echo
  fi
  echo "synthetic corpus: $N reports (scripts/gencorpus -seed 1), $(awk -v b="$BYTES" 'BEGIN{printf "%.1f", b/1e6}') MB of JSON Lines, $RELS relations extracted"
  printf '  kg extract, all cores:       %6.2f s  %5.0f reports/s  peak RSS %4d MB\n' "$XSECS" "$(awk -v n="$N" -v s="$XSECS" 'BEGIN{print n/s}')" "$XRSS"
  echo
  echo "load into Neo4j (scripts/benchload: the loader alone, batches of $BATCH, empty database, warm server):"
  printf '  %d reports in %.2f s: %6.0f relationships/s, %5.0f reports/s (%d relationships, %d nodes created)\n' "$LREPORTS" "$LSECS" "$LRELS" "$LREPS" "$LRELSN" "$LNODES"
  printf '  the same reports again (unchanged, nothing written): %.2f s\n' "$RSECS"
  printf '  server CPU during the load: %.1f s (%.2f of %d cores busy; %.0f µs per relationship)\n' "$LCPU" "$(awk -v c="$LCPU" -v s="$LSECS" 'BEGIN{print c/s}')" "$(nproc)" "$(awk -v c="$LCPU" -v r="$LRELSN" 'BEGIN{print c/r*1e6}')"
  echo "  the server's bare creation rates here (no lookup, no constraint, transactions of 5,000):"
  printf '    (new node)-[rel]->(new node):       %6d relationships/s\n' "$CEIL_NEW"
  printf '    (existing node)-[rel]->(new node):  %6d relationships/s\n' "$CEIL_HUB"
  printf '    (existing node)-[rel]->(existing):  %6d relationships/s\n' "$CEIL_REL"
  echo
  echo "end to end: kg ingest of the $N reports into an empty database (extraction and load):"
  printf '  %.2f s wall, %d reports/s, peak RSS %d MB\n' "$ISECS" "$IREPS" "$IRSS"
  sed -n 's/^/  | /p' "$TMP/ingest.txt"
  echo "  graph after the load: $GRAPH_RELS relationships"
  if [[ -n "${ESECS:-}" ]]; then
    echo
    echo "bulk: kg export of the $N reports, then neo4j-admin database import full and kg schema apply:"
    printf '  kg export:        %6.2f s, %d reports/s, peak RSS %d MB, %.0f MB of CSV, %.0f MB of spill files at most\n' \
      "$ESECS" "$(awk -v n="$N" -v s="$ESECS" 'BEGIN{printf "%.0f", n/s}')" "$ERSS" "$(awk -v b="$EBYTES" 'BEGIN{print b/1e6}')" "$(awk -v b="$ESPILL" 'BEGIN{print b/1e6}')"
    printf '  neo4j-admin:      %6.2f s (%d relationships: %.0f relationships/s)\n' "$ISECS2" "$ERELS" "$(awk -v r="$ERELS" -v s="$ISECS2" 'BEGIN{print r/s}')"
    printf '  kg schema apply:  %6.2f s; graph: %d relationships (kg ingest: %d)\n' "$SSECS" "$IMPORT_RELS" "$GRAPH_RELS"
  fi
} | tee "$OUT/bench.txt"
