#!/usr/bin/env bash
# The main job, end to end, on a fresh machine: start a local Neo4j if none
# answers, build kg, apply the schema, ingest the sample reports, print what
# landed and a Cypher query to paste into Neo4j Browser.
#
# Usage: scripts/demo.sh [PATH...]     (default: samples/)
# The server is left running so that Neo4j Browser can be opened afterwards;
# stop it with scripts/neo4j.sh stop.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf 'demo.sh: %s\n' "$*" >&2; }
command -v go >/dev/null 2>&1 || { log "error: go is not installed (see go.mod for the version)"; exit 1; }

BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
export NEO4J_URI="${NEO4J_URI:-neo4j://localhost:$BOLT_PORT}"
export NEO4J_USERNAME="${NEO4J_USERNAME:-neo4j}"
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-kg-local-password}"

if (exec 3<>"/dev/tcp/127.0.0.1/$BOLT_PORT") 2>/dev/null; then
  log "using the Neo4j server that already answers on $NEO4J_URI"
  scripts/neo4j.sh wait
else
  scripts/neo4j.sh start
fi

log "building bin/kg"
go build -o bin/kg ./cmd/kg

if [[ $# -eq 0 ]]; then set -- samples/; fi
bin/kg schema apply
bin/kg ingest "$@"

echo
echo "What landed (nodes by label):"
scripts/neo4j.sh cypher 'MATCH (n) WHERE NOT n:__KgMigration UNWIND labels(n) AS label RETURN label, count(*) AS nodes ORDER BY nodes DESC' \
  | python3 -c 'import json,sys
d=json.load(sys.stdin)
for row in d["results"][0]["data"]: print("  %-14s %6d" % tuple(row["row"]))' 2>/dev/null || true

cat <<'MSG'

Open Neo4j Browser at http://localhost:7474 (user neo4j, password kg-local-password)
and paste, for example, who holds which post with the sentence that proves it:

  MATCH (p:Person)-[h:HOLDS]->(post:Post)
  RETURN p.name AS person, post.name AS post, h.first_seen AS first_seen,
         h.last_seen AS last_seen, h.start AS start, h.end AS end
  ORDER BY post, person;

More ready queries: docs/queries.cypher (and docs/browser-guide.md).
From the command line: bin/kg who-holds 南浔区委书记 ; bin/kg person 禚海涛

The explorer (search, careers, offices, rosters, reports with their facts
highlighted) in a web browser: run

  bin/kg serve

then open http://127.0.0.1:8080 (Ctrl-C stops it). In Neo4j Browser,
:play http://localhost:8080/guide opens the guide and
:style http://localhost:8080/style.grass applies kg's style.
MSG
