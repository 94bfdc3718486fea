# shellcheck shell=bash
# Shared by bench/media.sh and bench/upload.sh: the JDK and the jar to run, and a throw-away
# Atelier server on 127.0.0.1 that is stopped again, also on Ctrl-C or failure. Source it after
# `set -euo pipefail`; it sets BENCH_DIR, REPO, JAVA25 and JAR.
#
# Environment: JAVA25, ATELIER_JAR, BENCH_HEAP (256m), BENCH_JVM_OPTS, BENCH_PORT (a free one).

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH_DIR")"
export BENCH_HEAP="${BENCH_HEAP:-256m}"
SERVER_PID=""
CLIENT_PID=""
LOG=""

if [[ -z "${JAVA25:-}" ]]; then
    if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
        JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
    else
        JAVA25=java
    fi
fi
command -v "$JAVA25" >/dev/null || { echo "no java: set JAVA25 to a JDK 25 java" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

JAR="${ATELIER_JAR:-$REPO/target/atelier.jar}"
if [[ ! -f "$JAR" ]]; then
    if [[ -n "${ATELIER_JAR:-}" ]]; then
        echo "ATELIER_JAR=$JAR does not exist" >&2
        exit 2
    fi
    echo "# $JAR is missing; building it (./mvnw -q -B -DskipTests package) ..."
    (cd "$REPO" && ./mvnw -q -B -DskipTests package)
fi

stop() { # stop PID: SIGTERM, up to 10 s for a graceful exit, then SIGKILL
    kill "$1" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 0.2
    done
    kill -9 "$1" 2>/dev/null || true
}

# stop_all RC: stops the client and the server (which stops its media workers); after a failure
# shows the end of the server log
stop_all() {
    if [[ -n "$CLIENT_PID" ]]; then
        stop "$CLIENT_PID"
    fi
    if [[ -n "$SERVER_PID" ]]; then
        stop "$SERVER_PID"
    fi
    if [[ $1 -ne 0 && -n "$LOG" && -f "$LOG" ]]; then
        echo "# last lines of the server log:" >&2
        grep -v '^\s*at ' "$LOG" | tail -n 15 >&2 || true
    fi
}

free_port() { # a port nobody listens on (a connect to it is refused); a clash at bind time still fails loudly
    local port
    for _ in $(seq 50); do
        port=$(( 20000 + RANDOM % 30000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
    done
    echo "$port"
}

# start_server HOME TOKEN_NAME ARGS...: a fresh server with HOME as its ATELIER_HOME (log in
# HOME/server.log), a new admin password and ARGS on its command line; waits until it reports UP
# and creates an access token. Sets SERVER_PID, BASE, TOKEN and LOG.
start_server() {
    local home="$1" token_name="$2" password port token_json
    shift 2
    LOG="$home/server.log"
    password="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    port="${BENCH_PORT:-$(free_port)}"
    BASE="http://127.0.0.1:$port"
    echo "# starting $(basename "$JAR") with -Xmx$BENCH_HEAP $* on $BASE (ATELIER_HOME=$home)"
    # stdin from /dev/null: the server must not share the terminal's input
    # shellcheck disable=SC2086
    ATELIER_HOME="$home" SERVER_PORT="$port" ATELIER_ADMIN_PASSWORD="$password" \
        "$JAVA25" "-Xmx$BENCH_HEAP" ${BENCH_JVM_OPTS:-} -jar "$JAR" \
        --server.address=127.0.0.1 "$@" \
        </dev/null >"$LOG" 2>&1 &
    SERVER_PID=$!
    for i in $(seq 180); do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "the server exited during startup" >&2
            exit 1
        fi
        if curl -fsS --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
            break
        fi
        if [[ $i -eq 180 ]]; then
            echo "the server did not report UP within 90 s" >&2
            exit 1
        fi
        sleep 0.5
    done
    token_json="$(curl -fsS --max-time 30 -u "admin:$password" -H 'Content-Type: application/json' \
        -d "{\"name\":\"$token_name\"}" "$BASE/api/v1/tokens")"
    TOKEN="$(printf '%s' "$token_json" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')"
    if [[ -z "$TOKEN" ]]; then
        echo "could not create an access token: $token_json" >&2
        exit 1
    fi
    echo "# server is UP (pid $SERVER_PID)"
}

stop_server() {
    stop "$SERVER_PID"
    SERVER_PID=""
}

# run_client COMMAND...: in the background and waited for, so that a signal to the script runs
# its cleanup at once
run_client() {
    "$@" &
    CLIENT_PID=$!
    wait "$CLIENT_PID"
    CLIENT_PID=""
}
