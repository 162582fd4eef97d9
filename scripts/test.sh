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

# --- Chromium for the explorer's browser tests (explore/browser_test.go) ---
# Debian's chromium (and a small CJK font, for readable screenshots) is
# installed when missing, as root or with password-less sudo. If it cannot
# be, the browser tests skip saying so; under CI (CI=true) they fail instead.
if [[ -z "${KG_CHROMIUM:-}" ]] && ! command -v chromium >/dev/null 2>&1; then
  SUDO=none
  if [[ $(id -u) -eq 0 ]]; then SUDO=
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo
  fi
  if [[ "$SUDO" != none ]] && command -v apt-get >/dev/null 2>&1; then
    log "installing chromium for the browser tests (apt-get install chromium)"
    { $SUDO apt-get update -qq \
        && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei; } >&2 \
      || log "warning: apt-get install chromium failed: the browser tests will skip (and fail under CI)"
  else
    log "warning: chromium is missing and cannot be installed here (needs root or sudo, and apt-get): the browser tests will skip (and fail under CI)"
  fi
fi
# --- end of the Chromium block ---

log "go version: $(go version)"
log "go vet ./..."
go vet ./...

# --- scale/beam: the Beam pipeline, a Go module of its own (./... does not reach it) ---
# cmd/kg's TestIntegrationBeamExtractedEqualsIngest builds and runs it;
# here its own vet and unit tests.
log "scale/beam: go vet ./... and go test ./... (its own module)"
(cd scale/beam && go vet ./... && go test -count=1 ./...)
# --- end of the scale/beam block ---

if [[ $# -eq 0 ]]; then set -- ./...; fi
log "go test -count=1 -p ${KG_TEST_P:-1} -timeout ${KG_TEST_TIMEOUT:-20m} $*"
go test -count=1 -p "${KG_TEST_P:-1}" -timeout "${KG_TEST_TIMEOUT:-20m}" "$@"
