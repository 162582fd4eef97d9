#!/usr/bin/env bash
# Page times of kg serve on a generated graph: p50, p95 and max per page
# kind, over pages drawn from the graph (persons, offices, places, reports,
# searches), printed and written to bench/out/serve.txt.
#
# It ingests N generated reports (scripts/gencorpus, fixed seed) into the
# Neo4j that NEO4J_URI names — use a server of its own: the graph is added
# to whatever is there (KG_NEO4J_HOME=/tmp/nj-bench NEO4J_BOLT_PORT=27687
# NEO4J_HTTP_PORT=27474 scripts/neo4j.sh start, then
# NEO4J_URI=neo4j://localhost:27687 NEO4J_HTTP_PORT=27474 scripts/bench-serve.sh).
#
# Usage: scripts/bench-serve.sh [N]   (default 10000 reports; SAMPLE pages a kind, default 100)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${1:-10000}"
SAMPLE="${SAMPLE:-100}"
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
TMP="$(mktemp -d)"
PORT="${KG_SERVE_PORT:-18080}"
SERVE_PID=
cleanup() { [[ -n "$SERVE_PID" ]] && kill "$SERVE_PID" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
log() { printf 'bench-serve: %s\n' "$*" >&2; }

go build -o "$TMP/kg" ./cmd/kg
go build -o "$TMP/gencorpus" ./scripts/gencorpus
"$TMP/gencorpus" -n "$N" -seed 1 -o "$TMP/corpus.jsonl"
log "ingesting $N generated reports into ${NEO4J_URI:-neo4j://localhost:7687}"
"$TMP/kg" ingest --no-progress "$TMP/corpus.jsonl" >&2

"$TMP/kg" serve --listen "127.0.0.1:$PORT" 2>"$TMP/serve.log" &
SERVE_PID=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break; sleep 0.2; done

cypher() { scripts/neo4j.sh cypher "$1" | python3 -c 'import json,sys; [print(r["row"][0]) for r in json.load(sys.stdin)["results"][0]["data"]]'; }
urlq() { python3 -c 'import sys,urllib.parse; [print(urllib.parse.quote(l.rstrip("\n"), safe="")) for l in sys.stdin]'; }
{
  cypher "MATCH (p:Person) WITH DISTINCT p.identity AS id ORDER BY id LIMIT $SAMPLE RETURN id" | urlq | sed 's|^|person /person?id=|'
  cypher "MATCH (t:Post) WITH t ORDER BY t.key LIMIT $SAMPLE RETURN t.key" | urlq | sed 's|^|office /office?key=|'
  cypher "MATCH (l:Place) WITH l ORDER BY l.key LIMIT $SAMPLE RETURN l.key" | urlq | sed 's|^|place /place?key=|'
  cypher "MATCH (r:Report) WITH r ORDER BY r.id LIMIT $SAMPLE RETURN r.id" | urlq | sed 's|^|report /report?id=|'
  cypher "MATCH (p:Person) WITH DISTINCT substring(p.name, 0, 1) AS q ORDER BY q LIMIT $SAMPLE RETURN q" | urlq | sed 's|^|search /suggest?q=|'
} > "$TMP/pages"

: > "$TMP/times"
while read -r kind path; do
  t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$PORT$path")
  echo "$kind $t" >> "$TMP/times"
done < "$TMP/pages"

python3 - "$TMP/times" "$N" <<'EOF' | tee "$OUT/serve.txt"
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
print(f"kg serve page times on {sys.argv[2]} generated reports (ms; curl time_total, one request at a time)")
print(f"{'page':8} {'n':>4} {'p50':>7} {'p95':>7} {'max':>7}  errors")
for kind in ["person", "office", "place", "report", "search"]:
    ts = sorted(float(t) * 1000 for k, code, t in rows if k == kind and code == "200")
    errs = sum(1 for k, code, t in rows if k == kind and code != "200")
    if not ts:
        print(f"{kind:8} {0:>4}"); continue
    p = lambda q: ts[min(len(ts) - 1, int(q * len(ts)))]
    print(f"{kind:8} {len(ts):>4} {p(0.5):7.1f} {p(0.95):7.1f} {ts[-1]:7.1f}  {errs}")
EOF
