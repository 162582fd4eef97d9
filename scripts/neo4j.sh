#!/usr/bin/env bash
# Local Neo4j 5.26 LTS Community server for kg, without Docker.
#
# The server and Neo4j Browser are fetched from Maven Central with Maven
# (scripts/neo4j/pom.xml pins the versions) into $KG_NEO4J_HOME/lib and run
# straight from that classpath with the JDK already on the machine.
#
# Usage: scripts/neo4j.sh COMMAND
#   fetch          download the jars into $KG_NEO4J_HOME/lib (skipped when done)
#   start          fetch if needed, configure, set the initial password on a
#                  fresh store, start in the background, wait until ready;
#                  does nothing if a server already answers on the Bolt port
#   stop           graceful stop (SIGTERM), SIGKILL after $NEO4J_STOP_TIMEOUT s
#   restart        stop + start
#   status         print whether it is running (exit 0 if so, 3 if not)
#   wait           wait until a server (any, e.g. docker compose) is ready
#   reset          stop and wipe data, logs and config (the jars are kept)
#   cypher 'Q' [DB] run one Cypher statement over HTTP, print the JSON result
#   logs [N]       print the last N (50) lines of the server log
#
# Environment (defaults in brackets):
#   KG_NEO4J_HOME        [<repo>/.neo4j]  jars, config, data, logs, pid file
#   NEO4J_PASSWORD       [kg-local-password]  password of user neo4j
#   NEO4J_BOLT_PORT      [7687]
#   NEO4J_HTTP_PORT      [7474]   (Neo4j Browser: http://localhost:7474/browser/)
#   NEO4J_HEAP           [1g]     JVM heap (-Xms = -Xmx)
#   NEO4J_PAGECACHE      [512m]
#   NEO4J_START_TIMEOUT  [120]    seconds to wait for the server to be ready
#   NEO4J_STOP_TIMEOUT   [60]     seconds to wait for a graceful stop
#   NEO4J_DATABASE       [neo4j]  default database of `cypher`
#   KG_SERVE_URL         [unset]  kg serve's address (http://localhost:8080):
#                                 Browser then applies its style on connecting
#   NEO4J_CONF_EXTRA     [unset]  more neo4j.conf lines (newline-separated),
#                                 appended last, so they win: for experiments
#   JAVA                 [java from JAVA_HOME or PATH]  a JDK 17 or 21
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POM="$ROOT/scripts/neo4j/pom.xml"

HOME_DIR="${KG_NEO4J_HOME:-$ROOT/.neo4j}"
case "$HOME_DIR" in /*) ;; *) HOME_DIR="$PWD/$HOME_DIR" ;; esac
LIB="$HOME_DIR/lib"
CONF_DIR="$HOME_DIR/conf"
DATA="$HOME_DIR/data"
LOGS="$HOME_DIR/logs"
RUN="$HOME_DIR/run"
PIDFILE="$RUN/neo4j.pid"
MARKER="$LIB/.fetched"

USER_NAME=neo4j
PASSWORD="${NEO4J_PASSWORD:-kg-local-password}"
BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
HEAP="${NEO4J_HEAP:-1g}"
PAGECACHE="${NEO4J_PAGECACHE:-512m}"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-120}"
STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"
HOST=127.0.0.1

pom_prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$POM" | head -n1; }
NEO4J_VERSION="$(pom_prop neo4j.version)"
BROWSER_VERSION="$(pom_prop browser.version)"

log() { printf 'neo4j.sh: %s\n' "$*" >&2; }
die() { printf 'neo4j.sh: error: %s\n' "$*" >&2; exit 1; }

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# --- prerequisites -----------------------------------------------------------

java_cmd() {
  if [[ -n "${JAVA:-}" ]]; then echo "$JAVA"
  elif [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then command -v java
  fi
}

# Installs a JDK / Maven from Debian's packages when missing (root only).
apt_install() {
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "installing $* with apt-get"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >&2 \
      || die "apt-get install $* failed"
  else
    die "$* is required (install it, e.g. apt-get install $*)"
  fi
}

need_java() {
  local j v
  j="$(java_cmd)"
  if [[ -z "$j" ]]; then apt_install openjdk-17-jre-headless; j="$(java_cmd)"; fi
  [[ -n "$j" ]] || die "no java found (Neo4j 5.26 needs Java 17 or 21)"
  v="$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  case "$v" in
    17|21) ;;
    *) log "warning: Java $v found at $j; Neo4j 5.26 supports Java 17 and 21" ;;
  esac
  JAVA_BIN="$j"
}

need_mvn() {
  command -v mvn >/dev/null 2>&1 || apt_install maven
}

need_curl() {
  command -v curl >/dev/null 2>&1 || apt_install curl
}

# --- fetch -------------------------------------------------------------------

marker_text() {
  printf 'neo4j=%s browser=%s pom=%s\n' "$NEO4J_VERSION" "$BROWSER_VERSION" \
    "$(sha256sum "$POM" | cut -d' ' -f1)"
}

fetched() { [[ -f "$MARKER" && "$(cat "$MARKER")" == "$(marker_text)" ]]; }

cmd_fetch() {
  if fetched; then
    log "Neo4j $NEO4J_VERSION (browser $BROWSER_VERSION) already fetched in $LIB"
    return 0
  fi
  need_java
  need_mvn
  local tmp="$HOME_DIR/lib.tmp" t0
  t0="$(now)"
  log "fetching Neo4j $NEO4J_VERSION + Neo4j Browser $BROWSER_VERSION from Maven Central into $LIB ..."
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if ! mvn -B -q -f "$POM" dependency:copy-dependencies \
      -DoutputDirectory="$tmp" -DincludeScope=runtime >"$HOME_DIR/fetch.log" 2>&1; then
    tail -n 40 "$HOME_DIR/fetch.log" >&2 || true
    rm -rf "$tmp"
    die "maven could not fetch the Neo4j jars (full log: $HOME_DIR/fetch.log)"
  fi
  ls "$tmp"/neo4j-"$NEO4J_VERSION".jar "$tmp"/neo4j-browser-"$BROWSER_VERSION".jar >/dev/null \
    || die "fetched jars are incomplete (see $HOME_DIR/fetch.log)"
  rm -rf "$LIB"
  mv "$tmp" "$LIB"
  marker_text >"$MARKER"
  log "fetched $(find "$LIB" -name '*.jar' | wc -l) jars, $(du -sh "$LIB" | cut -f1), in $(since "$t0") s"
}

# --- configuration -----------------------------------------------------------

write_conf() {
  mkdir -p "$CONF_DIR" "$DATA" "$LOGS" "$RUN" "$HOME_DIR/plugins" "$HOME_DIR/import"
  cat >"$CONF_DIR/neo4j.conf" <<EOF
# Written by scripts/neo4j.sh on every start; edit the script, not this file.
# Neo4j $NEO4J_VERSION Community, local development / test server for kg.

server.directories.data=$DATA
server.directories.logs=$LOGS
server.directories.run=$RUN
server.directories.lib=$LIB
server.directories.plugins=$HOME_DIR/plugins
server.directories.import=$HOME_DIR/import

# Only reachable from this machine.
server.default_listen_address=$HOST
server.default_advertised_address=localhost
server.bolt.enabled=true
server.bolt.listen_address=$HOST:$BOLT_PORT
server.bolt.advertised_address=localhost:$BOLT_PORT
server.http.enabled=true
server.http.listen_address=$HOST:$HTTP_PORT
server.http.advertised_address=localhost:$HTTP_PORT
server.https.enabled=false

# A 2-core machine shared with the build and the tests.
server.memory.heap.initial_size=$HEAP
server.memory.heap.max_size=$HEAP
server.memory.pagecache.size=$PAGECACHE
db.tx_log.rotation.retention_policy=256M size
# Netty waits 5 s of quiet per event loop group on shutdown (~10 s in all).
internal.dbms.bolt.netty_server_shutdown_quiet_period=1

dbms.security.auth_enabled=true

# No outbound network calls: no usage reports, no Browser telemetry.
dbms.usage_report.enabled=false
client.allow_telemetry=false

# kg serve's Browser guide and style (:play http://localhost:8080/guide,
# :style http://localhost:8080/style.grass): Browser may fetch them from
# this machine.
browser.remote_content_hostname_whitelist=localhost,127.0.0.1
EOF
  # With KG_SERVE_URL (e.g. http://localhost:8080), Browser applies kg
  # serve's style on connecting (it shows an error frame when kg serve
  # does not run, so it is not the default).
  if [[ -n "${KG_SERVE_URL:-}" ]]; then
    printf 'browser.post_connect_cmd=style %s/style.grass\n' "${KG_SERVE_URL%/}" >>"$CONF_DIR/neo4j.conf"
  fi
  if [[ -n "${NEO4J_CONF_EXTRA:-}" ]]; then
    printf '\n# NEO4J_CONF_EXTRA\n%s\n' "$NEO4J_CONF_EXTRA" >>"$CONF_DIR/neo4j.conf"
  fi
}

# Sets the password of user neo4j on a store that was never started.
set_initial_password() {
  [[ -d "$DATA/databases/system" ]] && return 0
  [[ -f "$DATA/dbms/auth.ini" ]] && return 0
  log "setting the initial password of user $USER_NAME"
  NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$CONF_DIR" "$JAVA_BIN" -cp "$LIB/*" \
    org.neo4j.cli.AdminTool dbms set-initial-password "$PASSWORD" >"$LOGS/admin.log" 2>&1 \
    || { cat "$LOGS/admin.log" >&2; die "set-initial-password failed"; }
}

# --- probes ------------------------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# HTTP status of `RETURN 1` with the password ("000" if nothing answers).
query_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 \
    -u "$USER_NAME:$PASSWORD" -H 'Content-Type: application/json' \
    -d '{"statements":[{"statement":"RETURN 1"}]}' \
    "http://$HOST:$HTTP_PORT/db/${NEO4J_DATABASE:-neo4j}/tx/commit" 2>/dev/null || true
}

our_pid() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid
  pid="$(cat "$PIDFILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "CommunityEntryPoint --home-dir=$HOME_DIR " \
    && echo "$pid"
}

tail_logs() {
  local f n
  for f in "$LOGS/console.log" "$LOGS/neo4j.log"; do
    [[ -s "$f" ]] || continue
    n=25; [[ "$f" == */console.log ]] && n=40
    printf -- '--- last lines of %s ---\n' "$f" >&2
    tail -n "$n" "$f" >&2
  done
}

# Prints an error, then the end of the server logs, and exits.
die_with_logs() {
  printf 'neo4j.sh: error: %s\n' "$*" >&2
  tail_logs
  printf 'neo4j.sh: error: %s\n' "$*" >&2
  exit 1
}

# Waits until Bolt accepts connections and `RETURN 1` works over HTTP.
wait_ready() {
  local t0 pid="${1:-}" code
  t0="$(now)"
  need_curl
  while :; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      die_with_logs "the Neo4j server (pid $pid) exited during startup (logs in $LOGS)"
    fi
    if port_open "$BOLT_PORT"; then
      code="$(query_status)"
      case "$code" in
        200) return 0 ;;
        401|403)
          die "Neo4j answers but rejects user $USER_NAME with NEO4J_PASSWORD (HTTP $code); the store was created with another password: use that one, or wipe it with 'scripts/neo4j.sh reset'" ;;
      esac
    fi
    if awk -v a="$t0" -v b="$(now)" -v t="$START_TIMEOUT" 'BEGIN { exit !(b - a > t) }'; then
      die_with_logs "Neo4j did not become ready on bolt://localhost:$BOLT_PORT within ${START_TIMEOUT}s${pid:+ (pid $pid left running; 'scripts/neo4j.sh stop' stops it)}"
    fi
    sleep 0.5
  done
}

# --- commands ----------------------------------------------------------------

cmd_start() {
  local pid t0
  # One start at a time per home (e.g. two test runs started together).
  mkdir -p "$RUN"
  exec 9>"$RUN/start.lock"
  if command -v flock >/dev/null 2>&1; then flock 9; fi
  if port_open "$BOLT_PORT"; then
    if pid="$(our_pid)"; then
      log "Neo4j is already running (pid $pid) on bolt://localhost:$BOLT_PORT; nothing to do"
    else
      log "a server already answers on bolt://localhost:$BOLT_PORT (not started by this script); nothing to do"
    fi
    return 0
  fi
  if pid="$(our_pid)"; then
    log "Neo4j (pid $pid) is still starting; waiting for it"
    wait_ready "$pid"
    return 0
  fi
  port_open "$HTTP_PORT" && die "port $HTTP_PORT is taken by another program (set NEO4J_HTTP_PORT)"
  cmd_fetch
  need_java
  need_curl
  write_conf
  set_initial_password
  rm -f "$PIDFILE"
  t0="$(now)"
  log "starting Neo4j $NEO4J_VERSION (heap $HEAP, page cache $PAGECACHE), logs in $LOGS"
  # JVM options of the official neo4j.conf (server.jvm.additional), plus heap.
  NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$CONF_DIR" nohup "$JAVA_BIN" \
    -Xms"$HEAP" -Xmx"$HEAP" \
    -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow \
    -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields \
    -XX:+DisableExplicitGC -XX:+ExitOnOutOfMemoryError \
    -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true \
    -Djdk.tls.ephemeralDHKeySize=2048 -Djdk.tls.rejectClientInitiatedRenegotiation=true \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --enable-native-access=ALL-UNNAMED \
    -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8 \
    -cp "$HOME_DIR/plugins/*:$LIB/*" \
    org.neo4j.server.CommunityEntryPoint --home-dir="$HOME_DIR" --config-dir="$CONF_DIR" \
    </dev/null >"$LOGS/console.log" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$PIDFILE"
  wait_ready "$pid"
  log "Neo4j $NEO4J_VERSION is up after $(since "$t0") s (pid $pid)"
  log "  bolt:     neo4j://localhost:$BOLT_PORT  (user $USER_NAME)"
  log "  browser:  http://localhost:$HTTP_PORT/browser/"
}

cmd_stop() {
  local pid t0 i
  if ! pid="$(our_pid)"; then
    rm -f "$PIDFILE"
    if port_open "$BOLT_PORT"; then
      log "a server not started by this script answers on port $BOLT_PORT; leaving it alone"
    else
      log "Neo4j is not running"
    fi
    return 0
  fi
  t0="$(now)"
  log "stopping Neo4j (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "no graceful stop within ${STOP_TIMEOUT}s; killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$PIDFILE"
  log "stopped in $(since "$t0") s"
}

cmd_status() {
  local pid info
  if pid="$(our_pid)"; then
    info="$(curl -s --max-time 5 "http://$HOST:$HTTP_PORT/" 2>/dev/null | sed -n 's/.*"neo4j_version":"\([^"]*\)".*/\1/p' || true)"
    if port_open "$BOLT_PORT"; then
      echo "running: pid $pid, Neo4j ${info:-?}, bolt://localhost:$BOLT_PORT, http://localhost:$HTTP_PORT/browser/ (home $HOME_DIR)"
    else
      echo "starting: pid $pid (home $HOME_DIR)"
    fi
    return 0
  fi
  if port_open "$BOLT_PORT"; then
    echo "running: a server not started by this script answers on bolt://localhost:$BOLT_PORT"
    return 0
  fi
  echo "stopped (home $HOME_DIR)"
  return 3
}

cmd_wait() {
  local t0
  t0="$(now)"
  wait_ready "$(our_pid || true)"
  log "Neo4j is ready on bolt://localhost:$BOLT_PORT (waited $(since "$t0") s)"
}

cmd_reset() {
  cmd_stop
  log "wiping data, logs and config in $HOME_DIR (keeping the jars)"
  rm -rf "$DATA" "$LOGS" "$RUN" "$CONF_DIR" "$HOME_DIR/import"
}

json_string() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  s="${s//$'\n'/\\n}"
  s="${s//$'\r'/\\r}"
  s="${s//$'\t'/\\t}"
  printf '"%s"' "$s"
}

cmd_cypher() {
  [[ $# -ge 1 ]] || die "usage: scripts/neo4j.sh cypher 'QUERY' [DATABASE]"
  need_curl
  local db="${2:-${NEO4J_DATABASE:-neo4j}}" out
  out="$(curl -sS --max-time 300 -u "$USER_NAME:$PASSWORD" \
    -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d "{\"statements\":[{\"statement\":$(json_string "$1")}]}" \
    "http://$HOST:$HTTP_PORT/db/$db/tx/commit")" \
    || die "no answer from http://localhost:$HTTP_PORT (is Neo4j running?)"
  printf '%s\n' "$out"
  [[ "$out" == *'"errors":[]'* ]] || exit 1
}

cmd_logs() {
  tail -n "${1:-50}" "$LOGS/neo4j.log"
}

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; }

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    fetch) cmd_fetch ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop; cmd_start ;;
    status) cmd_status ;;
    wait) cmd_wait ;;
    reset) cmd_reset ;;
    cypher) cmd_cypher "$@" ;;
    logs) cmd_logs "$@" ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
