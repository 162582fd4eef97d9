#!/usr/bin/env bash
# The project's single test command: go vet + the full go test suite,
# integration tests included, against a real Neo4j 5.26 server.
#
# If nothing answers on the Bolt port, a local server is started with
# scripts/neo4j.sh start (fetched from Maven Central on first use) and stopped
# again at the end; a server that was already running (scripts/neo4j.sh or
# docker compose) is used as is and left running.
#
# Usage: scripts/test.sh [go test args]     (default: ./...)
# Environment:
#   NEO4J_BOLT_PORT [7687], NEO4J_PASSWORD [kg-local-password]: see neo4j.sh
#   KG_TEST_TIMEOUT [20m]   go test -timeout
#   KG_TEST_P       [1]     go test -p: packages tested at once; 1 because the
#                           integration tests of several packages share one
#                           database
#   KG_KEEP_NEO4J   [unset] set to 1 to leave a server started here running
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf 'test.sh: %s\n' "$*" >&2; }

command -v go >/dev/null 2>&1 || { log "error: go is not installed (see go.mod for the version)"; exit 1; }

BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
export NEO4J_URI="neo4j://localhost:$BOLT_PORT"
export NEO4J_USERNAME=neo4j
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-kg-local-password}"

bolt_open() { (exec 3<>"/dev/tcp/127.0.0.1/$BOLT_PORT") 2>/dev/null; }

STARTED=
cleanup() {
  local rc=$?
  if [[ -n "$STARTED" && -z "${KG_KEEP_NEO4J:-}" ]]; then
    scripts/neo4j.sh stop || true
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if bolt_open; then
  log "using the Neo4j server that already answers on $NEO4J_URI"
  scripts/neo4j.sh wait
else
  STARTED=1
  scripts/neo4j.sh start
fi

log "go version: $(go version)"
log "go vet ./..."
go vet ./...

if [[ $# -eq 0 ]]; then set -- ./...; fi
log "go test -count=1 -p ${KG_TEST_P:-1} -timeout ${KG_TEST_TIMEOUT:-20m} $*"
go test -count=1 -p "${KG_TEST_P:-1}" -timeout "${KG_TEST_TIMEOUT:-20m}" "$@"
